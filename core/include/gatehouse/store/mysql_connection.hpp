// One connection through MySQL Connector/C++ (the JDBC-style 1.1 API), with its prepared
// statements cached. Connector/C++ exceptions never leave it: they become MysqlFailure.
#pragma once

#include <gatehouse/store/mysql_settings.hpp>
#include <gatehouse/store/sql_connection.hpp>

#include <chrono>
#include <map>
#include <memory>
#include <string>

namespace sql {
class Connection;
class PreparedStatement;
} // namespace sql

namespace gatehouse::store {

class MysqlConnection final : public SqlConnection {
public:
  // Connects with utf8mb4, the configured timeouts and TLS, automatic reconnect off (the pool
  // replaces dead connections itself, so a session never silently loses its state), READ
  // COMMITTED isolation, UTC, strict SQL mode and autocommit on. Throws MysqlFailure.
  explicit MysqlConnection(const MysqlSettings& settings);
  ~MysqlConnection() override;
  MysqlConnection(const MysqlConnection&) = delete;
  MysqlConnection& operator=(const MysqlConnection&) = delete;

  std::int64_t execute(const std::string& sql, const SqlParams& params = {}) override;
  std::vector<SqlRow> query(const std::string& sql, const SqlParams& params = {}) override;
  void executeOnce(const std::string& sql) override;
  std::int64_t lastInsertId() override;

  void setAutoCommit(bool on);
  void commit();
  // False when the connection is dead (the server rolled back for us) and must be dropped.
  bool rollback() noexcept;

  std::chrono::steady_clock::time_point lastUsed() const { return lastUsed_; }

private:
  sql::PreparedStatement& prepared(const std::string& sql);

  std::unique_ptr<sql::Connection> connection_;
  std::map<std::string, std::unique_ptr<sql::PreparedStatement>, std::less<>> statements_;
  std::chrono::steady_clock::time_point lastUsed_;
  bool autoCommit_ = true;
};

} // namespace gatehouse::store
