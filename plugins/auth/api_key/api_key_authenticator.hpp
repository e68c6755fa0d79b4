// The api_key plugin's decision about one request:
//   - no credential starting with "ghk_" in the headers it reads: not mine (the next auth
//     plugin, e.g. oidc, may take a JWT);
//   - different credentials in two of those headers: denied (which one would be meant?);
//   - a key that is malformed, unknown, revoked, expired, disabled or whose owner is
//     disabled: denied with the same words, kInvalidApiKey, so no answer tells them apart;
//   - otherwise accepted as the key's principal.
// The secret never reaches a log line or a message; only key ids and header names do.
#pragma once

#include <gatehouse/sdk/auth_plugin.hpp>
#include <gatehouse/sdk/host.hpp>
#include <gatehouse/sdk/request.hpp>

#include <cstdint>
#include <string_view>

#include "api_key_config.hpp"

namespace gatehouse::plugins::api_key {

inline constexpr std::string_view kInvalidApiKey = "Invalid API key.";

class ApiKeyAuthenticator {
public:
  // Borrows `host`: it outlives the plugin.
  ApiKeyAuthenticator(const sdk::Host& host, ApiKeyConfig config);

  // Throws sdk::Error only when the host's key directory cannot answer (e.g.
  // GH_ERROR_UNAVAILABLE before it loaded): the gateway then answers 503, not 401.
  // Thread-safe: called from many threads at once.
  sdk::AuthDecision authenticate(const sdk::Request& request, std::int64_t nowMs) const;

  const ApiKeyConfig& config() const { return config_; }

private:
  sdk::AuthDecision judge(std::string_view key, std::int64_t nowMs) const;

  const sdk::Host& host_;
  const ApiKeyConfig config_;
};

} // namespace gatehouse::plugins::api_key
