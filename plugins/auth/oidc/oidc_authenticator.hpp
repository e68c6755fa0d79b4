// Everything the oidc plugin does, apart from the host: the sign-in protocol and bearer
// access tokens, over an HttpClient and a clock so tests can drive it directly. Safe to
// call from many threads at once.
#pragma once

#include <gatehouse/sdk/auth_plugin.hpp>
#include <gatehouse/sdk/identity.hpp>

#include <optional>
#include <string>
#include <string_view>

#include "claims.hpp"
#include "http_client.hpp"
#include "oidc_config.hpp"
#include "provider_client.hpp"

namespace gatehouse::plugins::oidc {

class OidcAuthenticator {
public:
  // `clientSecret` is the resolved value (empty for a public client). `http` must outlive
  // the authenticator.
  OidcAuthenticator(OidcConfig config, std::string clientSecret, HttpClient& http, Clock clock, LogSink log);

  // The URL to send the browser to and the flow to keep. Throws sdk::Error(UNAVAILABLE)
  // when the IdP's discovery document cannot be had.
  sdk::LoginStart loginStart(std::string_view state, std::string_view redirectUri);

  // Redeems the callback's code and validates the ID token against the flow's nonce.
  // Throws sdk::Error: GH_ERROR_UNAUTHENTICATED with a reason fit for the person,
  // GH_ERROR_UNAVAILABLE when the IdP cannot be reached or is misconfigured.
  sdk::Identity loginFinish(std::string_view redirectUri, std::string_view callbackQuery,
                            std::string_view flow);

  // The identity behind an "Authorization: Bearer <JWT>" header; nullopt when the header
  // carries no JWT (no header, another scheme, an API key...), so another auth plugin
  // may take it. Throws TokenError for a JWT that is not valid, sdk::Error(UNAVAILABLE)
  // when the IdP's keys cannot be had.
  std::optional<sdk::Identity> identityFromBearer(std::string_view authorizationHeader);

  const OidcConfig& config() const { return config_; }
  ProviderClient& provider() { return provider_; }

private:
  std::int64_t nowSeconds() const { return clock_() / 1000; }
  HttpResponse send(const sdk::UpstreamRequest& request, std::string_view what);
  void addUserinfo(const ProviderMetadata& metadata, const std::string& accessToken, Claims& claims);

  const OidcConfig config_;
  const std::string clientSecret_;
  HttpClient& http_;
  const Clock clock_;
  const LogSink log_;
  ProviderClient provider_;
};

// The token in an "Authorization: Bearer <token>" header (scheme case-insensitive), or
// empty when the header uses another scheme.
std::string_view bearerToken(std::string_view authorizationHeader);

} // namespace gatehouse::plugins::oidc
