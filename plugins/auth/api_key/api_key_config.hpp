// The api_key plugin's config (plugins[].config), every key optional:
//   {"headers": ["authorization", "x-api-key", "x-goog-api-key"]}
// "headers" restricts where a key is accepted (default: all three, in that order).
#pragma once

#include <string_view>
#include <vector>

#include "key_header.hpp"

namespace gatehouse::plugins::api_key {

struct ApiKeyConfig {
  std::vector<KeyHeader> headers{kAllKeyHeaders.begin(), kAllKeyHeaders.end()};
};

// Throws gatehouse::sdk::Error(GH_ERROR_CONFIG) naming the problem: not a JSON object, an
// unknown key, "headers" not a non-empty array of distinct known header names.
ApiKeyConfig parseApiKeyConfig(std::string_view json);

} // namespace gatehouse::plugins::api_key
