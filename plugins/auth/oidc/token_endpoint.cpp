#include "token_endpoint.hpp"

#include <gatehouse/sdk/error.hpp>

#include "base64url.hpp"
#include "claims.hpp"
#include "url_encoding.hpp"

namespace gatehouse::plugins::oidc {

ClientAuth chooseClientAuth(const OidcConfig& config, const ProviderMetadata& metadata) {
  if (config.tokenEndpointAuth) {
    return *config.tokenEndpointAuth;
  }
  for (const std::string& method : metadata.tokenEndpointAuthMethods) {
    if (method == "client_secret_basic") {
      return ClientAuth::ClientSecretBasic;
    }
    if (method == "client_secret_post") {
      return ClientAuth::ClientSecretPost;
    }
  }
  return ClientAuth::ClientSecretBasic;
}

sdk::UpstreamRequest tokenRequest(const ProviderMetadata& metadata, const OidcConfig& config,
                                  ClientAuth method, const std::string& clientSecret,
                                  const CodeRedemption& redemption) {
  FormFields form{
      {"grant_type", "authorization_code"},
      {"code", redemption.code},
      {"redirect_uri", redemption.redirectUri},
      {"code_verifier", redemption.verifier},
  };
  sdk::UpstreamRequest request;
  request.method = "POST";
  request.url = metadata.tokenEndpoint;
  request.headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
  request.headers.emplace_back("Accept", "application/json");
  switch (method) {
  case ClientAuth::ClientSecretBasic:
    // RFC 6749 2.3.1: id and secret are form-encoded before they are joined and encoded.
    request.headers.emplace_back("Authorization", "Basic " + base64Encode(percentEncode(config.clientId) +
                                                                          ":" + percentEncode(clientSecret)));
    break;
  case ClientAuth::ClientSecretPost:
    form.emplace_back("client_id", config.clientId);
    form.emplace_back("client_secret", clientSecret);
    break;
  case ClientAuth::None: form.emplace_back("client_id", config.clientId); break;
  }
  request.body = encodeForm(form);
  return request;
}

std::string printableText(std::string_view text, std::size_t limit) {
  std::string out;
  for (char c : text) {
    if (out.size() == limit) {
      break;
    }
    if (c >= ' ' && c < 127) {
      out += c;
    }
  }
  return out;
}

TokenResponse readTokenResponse(const HttpResponse& response) {
  const std::optional<Claims> body = Claims::parse(response.body);
  if (response.status == 200) {
    const std::optional<std::string> idToken = body ? body->string("id_token") : std::nullopt;
    if (!idToken || idToken->empty()) {
      throw sdk::Error(
          GH_ERROR_UNAUTHENTICATED,
          "the identity provider's token response has no ID token (is \"openid\" among the scopes?)");
    }
    TokenResponse tokens;
    tokens.idToken = *idToken;
    tokens.accessToken = body->string("access_token");
    return tokens;
  }
  const std::string error = body ? printableText(body->string("error").value_or(""), 64) : std::string();
  const std::string description =
      body ? printableText(body->string("error_description").value_or(""), 200) : std::string();
  const std::string detail = error.empty() ? "HTTP " + std::to_string(response.status)
                                           : error + (description.empty() ? "" : ": " + description);
  if (response.status >= 500 || response.status == 429) {
    throw sdk::Error(GH_ERROR_UNAVAILABLE, "the identity provider's token endpoint failed (" + detail + ")");
  }
  if (error == "invalid_client" || error == "unauthorized_client" || response.status == 401) {
    throw sdk::Error(GH_ERROR_UNAVAILABLE,
                     "the identity provider refused the gateway's client credentials (" + detail +
                         "); check client_id, client_secret and token_endpoint_auth");
  }
  throw sdk::Error(GH_ERROR_UNAUTHENTICATED,
                   "The identity provider refused to finish the sign-in: " + detail);
}

} // namespace gatehouse::plugins::oidc
