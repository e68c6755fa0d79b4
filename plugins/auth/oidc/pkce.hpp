// Proof Key for Code Exchange (RFC 7636) with the S256 method, and the OpenID nonce: the
// two per-sign-in secrets the gateway keeps server-side in the flow.
#pragma once

#include <string>
#include <string_view>

namespace gatehouse::plugins::oidc {

// A fresh code verifier: 32 random bytes, base64url (43 characters).
std::string newCodeVerifier();

// BASE64URL(SHA256(ASCII(verifier))), the code_challenge sent with the authorization request.
std::string codeChallengeS256(std::string_view verifier);

// A fresh nonce for the ID token: 32 random bytes, base64url.
std::string newNonce();

} // namespace gatehouse::plugins::oidc
