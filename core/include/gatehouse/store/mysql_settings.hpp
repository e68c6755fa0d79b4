// Everything needed to open a MySQL connection, with the password already resolved from its
// secret reference. Kept out of logs as a whole: it holds the password.
#pragma once

#include <gatehouse/config/config.hpp>

#include <chrono>
#include <cstdint>
#include <string>

namespace gatehouse::store {

struct MysqlSettings {
  std::string host = "127.0.0.1";
  std::uint16_t port = 3306;
  std::string socket;                 // used instead of host/port when set
  std::string database = "gatehouse"; // "" connects without selecting one (test set-up)
  std::string user = "gatehouse";
  std::string password;
  int poolSize = 8;
  std::chrono::seconds connectTimeout{5};
  // A statement that has not answered by then fails and its connection is dropped, so a hung
  // server costs a batch a retry, not a stuck writer.
  std::chrono::seconds readTimeout{30};
  std::chrono::seconds writeTimeout{30};
  // How long a caller waits for a free pooled connection before giving up.
  std::chrono::milliseconds borrowTimeout{10000};
  bool tls = false;
  std::string tlsCaFile; // verify the server against this CA when set
  std::chrono::seconds migrationLockTimeout{120};

  // Throws StoreError(Invalid) when the password reference cannot be resolved or a value is out
  // of range.
  static MysqlSettings fromConfig(const MysqlConfig& config);
};

} // namespace gatehouse::store
