// The browser half of the authorization code flow with PKCE: the URL the browser is sent
// to, and the per-sign-in secrets the host keeps server-side until the callback.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "oidc_config.hpp"

namespace gatehouse::plugins::oidc {

// What loginFinish needs from loginStart. Never shown to the browser.
struct FlowSecrets {
  std::string nonce;    // must come back inside the ID token
  std::string verifier; // the PKCE code_verifier, sent with the code to the token endpoint
};

// Compact JSON {"nonce":"...","verifier":"..."}.
std::string encodeFlow(const FlowSecrets& flow);
// nullopt when `json` is not what encodeFlow wrote.
std::optional<FlowSecrets> decodeFlow(std::string_view json);

// The authorization request (OpenID Connect Core 3.1.2.1 plus RFC 7636): response_type=code,
// client_id, redirect_uri, scope, state, nonce, code_challenge, code_challenge_method=S256,
// appended to `authorizationEndpoint` (which may carry a query of its own).
std::string authorizationUrl(std::string_view authorizationEndpoint, const OidcConfig& config,
                             std::string_view state, std::string_view redirectUri, const FlowSecrets& flow);

} // namespace gatehouse::plugins::oidc
