// The back-channel half of the authorization code flow: redeeming the code at the IdP's
// token endpoint (RFC 6749 4.1.3 with the PKCE verifier) and reading its answer.
#pragma once

#include <gatehouse/sdk/upstream.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "discovery.hpp"
#include "http_client.hpp"
#include "oidc_config.hpp"

namespace gatehouse::plugins::oidc {

// How the gateway authenticates to the token endpoint: the configured method, else the
// first of client_secret_basic / client_secret_post the IdP lists (client_secret_basic
// when it lists none, as OpenID Connect Discovery says the default is).
ClientAuth chooseClientAuth(const OidcConfig& config, const ProviderMetadata& metadata);

struct CodeRedemption {
  std::string code;
  std::string redirectUri; // exactly as sent in the authorization request
  std::string verifier;
};

// The POST to the token endpoint, form-encoded. `clientSecret` is empty for a public client.
sdk::UpstreamRequest tokenRequest(const ProviderMetadata& metadata, const OidcConfig& config,
                                  ClientAuth method, const std::string& clientSecret,
                                  const CodeRedemption& redemption);

struct TokenResponse {
  std::string idToken;
  std::optional<std::string> accessToken;
};

// The token endpoint's answer. Throws sdk::Error: GH_ERROR_UNAUTHENTICATED when the IdP
// refused the code (e.g. invalid_grant: used twice, expired, wrong verifier) or sent no
// ID token; GH_ERROR_UNAVAILABLE when it failed or refused the gateway's own client
// credentials (an operator's problem, not the person's).
TokenResponse readTokenResponse(const HttpResponse& response);

// An OAuth error code or description from the IdP, cut down to printable ASCII of at most
// `limit` characters, so it can be shown and logged safely.
std::string printableText(std::string_view text, std::size_t limit);

} // namespace gatehouse::plugins::oidc
