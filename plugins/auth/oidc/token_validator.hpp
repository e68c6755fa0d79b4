// Validates a JWT (an OpenID Connect ID token or an OAuth access token) against the IdP's
// keys and the gateway's rules, in the order that keeps an attacker's input away from
// anything trusted: shape, algorithm, key, signature, and only then the claims.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "claims.hpp"
#include "jwk_set.hpp"

namespace gatehouse::plugins::oidc {

// Where the validator gets the key for a token's "kid" (nullopt: the token has none).
class KeySource {
public:
  virtual ~KeySource() = default;
  // Throws TokenError(UnknownKeyId) when no key fits, or sdk::Error(GH_ERROR_UNAVAILABLE)
  // when the keys cannot be fetched.
  virtual PublicKey keyFor(const std::optional<std::string>& kid) = 0;
};

struct TokenRules {
  std::string issuer;                 // "iss" must equal it exactly
  std::vector<std::string> audiences; // "aud" (a string or an array) must contain one of them
  std::int64_t nowSeconds = 0;        // unix time
  std::int64_t clockSkewSeconds = 0;  // leeway for exp, nbf and iat
  // ID tokens: "nonce" must equal it (and "sub" must be present).
  std::optional<std::string> nonce;
  // ID tokens: "azp", required when "aud" has several values, must equal it when present.
  std::optional<std::string> authorizedParty;
};

// The token's claims once everything holds. Throws TokenError with the first problem
// found (its message fit for the client), or sdk::Error(GH_ERROR_UNAVAILABLE) from the
// key source.
Claims validateToken(std::string_view token, KeySource& keys, const TokenRules& rules);

} // namespace gatehouse::plugins::oidc
