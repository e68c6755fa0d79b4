// One anthropic provider's config (providers[].config), every key optional:
//   {"api_key": "env:ANTHROPIC_API_KEY",          secret reference: env:NAME or file:PATH;
//                                                 may be left out when providers[].credentials
//                                                 gives the provider a pool of keys
//    "base_url": "https://api.anthropic.com",     scheme://host[:port][/prefix], no /v1
//    "anthropic_version": "2023-06-01",           the anthropic-version header
//    "anthropic_beta": ["prompt-caching-2024-07-31"],  joined into one anthropic-beta header
//    "default_max_tokens": 4096,                  max_tokens when the client sends none,
//                                                 for every model (else the per-model table)
//    "extra_headers": {"name": "value"}}          sent on every request
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gatehouse::plugins::anthropic {

struct AnthropicConfig {
  std::optional<std::string> apiKeyReference;
  std::string baseUrl = "https://api.anthropic.com"; // without a trailing '/'
  std::string anthropicVersion = "2023-06-01";
  std::vector<std::string> anthropicBeta;
  std::optional<int> defaultMaxTokens;
  std::vector<std::pair<std::string, std::string>> extraHeaders;
};

inline constexpr int kMaxDefaultMaxTokens = 1000000;

// Throws sdk::Error(GH_ERROR_CONFIG) naming the key for an unknown key, a wrong type, an
// empty api_key, a base_url that is not http(s), or an extra header the plugin sets
// itself (x-api-key, anthropic-version, anthropic-beta, content-type) or the host owns
// (host, content-length, connection).
AnthropicConfig parseAnthropicConfig(std::string_view json);

} // namespace gatehouse::plugins::anthropic
