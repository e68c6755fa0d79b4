// A JSON Web Signature in compact serialization (RFC 7515 section 7.1), split and decoded
// but not yet verified. JWE (five parts), JSON serialization and unsecured tokens are not
// accepted anywhere in the plugin.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "claims.hpp"

namespace gatehouse::plugins::oidc {

struct CompactJws {
  std::string alg;                // the header's "alg"
  std::optional<std::string> kid; // the header's "kid", when present
  std::string signingInput;       // BASE64URL(header) "." BASE64URL(payload), what was signed
  std::string signature;          // the decoded signature bytes
  Claims claims;                  // the decoded payload (unverified until the signature is checked)
};

// True for text shaped like a compact JWS: three base64url parts separated by two dots,
// the first two non-empty. Anything else (an API key, an opaque token) is not a JWT.
bool looksLikeJwt(std::string_view token);

// Splits and decodes `token`. Throws TokenError(Malformed) when it is not a compact JWS
// with a JSON-object header carrying a string "alg" and a JSON-object payload, or when
// the header has "crit" (no extension is understood, so RFC 7515 4.1.11 says reject).
CompactJws parseCompactJws(std::string_view token);

} // namespace gatehouse::plugins::oidc
