// The mock upstream's command line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "provider.hpp"

namespace gatehouse::mock {

struct MockOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0;
  std::string tlsCert;
  std::string tlsKey;
  // Connection threads: each open connection holds one, so this bounds concurrency.
  int threads = 4096;
  bool record = true;
  std::size_t recordLimit = 1000;
  std::size_t maxBodyBytes = 64 * 1024 * 1024;
  int idleTimeoutSeconds = 30;
  std::optional<std::string> expectKeyForAll;
  std::map<Provider, std::string> expectKeys;

  bool tls() const { return !tlsCert.empty(); }
  // The key requests to `provider` must carry; nullopt accepts any non-empty key.
  std::optional<std::string_view> expectedKey(Provider provider) const;
};

struct OptionsParse {
  MockOptions options;
  std::string error; // empty when the arguments are fine
  bool help = false;
};

// Arguments after the program name.
OptionsParse parseOptions(const std::vector<std::string>& args);
std::string usageText();

} // namespace gatehouse::mock
