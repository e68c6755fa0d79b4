#include "oidc_authenticator.hpp"

#include <gatehouse/sdk/error.hpp>

#include <cctype>
#include <utility>

#include "claim_mapping.hpp"
#include "claims.hpp"
#include "compact_jws.hpp"
#include "login_flow.hpp"
#include "pkce.hpp"
#include "token_endpoint.hpp"
#include "token_error.hpp"
#include "token_validator.hpp"
#include "url_encoding.hpp"

namespace gatehouse::plugins::oidc {
namespace {

[[noreturn]] void refuseSignIn(const std::string& why) {
  throw sdk::Error(GH_ERROR_UNAUTHENTICATED, why);
}

} // namespace

std::string_view bearerToken(std::string_view header) {
  constexpr std::string_view kScheme = "bearer";
  if (header.size() <= kScheme.size() || header[kScheme.size()] != ' ') {
    return {};
  }
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(header[i])) != kScheme[i]) {
      return {};
    }
  }
  std::string_view token = header.substr(kScheme.size());
  while (!token.empty() && (token.front() == ' ' || token.front() == '\t')) {
    token.remove_prefix(1);
  }
  while (!token.empty() && (token.back() == ' ' || token.back() == '\t')) {
    token.remove_suffix(1);
  }
  return token;
}

OidcAuthenticator::OidcAuthenticator(OidcConfig config, std::string clientSecret, HttpClient& http,
                                     Clock clock, LogSink log)
    : config_(std::move(config)), clientSecret_(std::move(clientSecret)), http_(http),
      clock_(std::move(clock)), log_(std::move(log)),
      provider_(config_.issuer, config_.jwksMinRefreshSeconds * 1000, http_, clock_, log_) {
}

HttpResponse OidcAuthenticator::send(const sdk::UpstreamRequest& request, std::string_view what) {
  try {
    return http_.send(request);
  } catch (const sdk::Error& error) {
    throw sdk::Error(GH_ERROR_UNAVAILABLE, "the identity provider cannot be reached for its " +
                                               std::string(what) + ": " + error.what());
  }
}

sdk::LoginStart OidcAuthenticator::loginStart(std::string_view state, std::string_view redirectUri) {
  const ProviderMetadata metadata = provider_.metadata();
  const FlowSecrets flow{newNonce(), newCodeVerifier()};
  return sdk::LoginStart{authorizationUrl(metadata.authorizationEndpoint, config_, state, redirectUri, flow),
                         encodeFlow(flow)};
}

sdk::Identity OidcAuthenticator::loginFinish(std::string_view redirectUri, std::string_view callbackQuery,
                                             std::string_view flowJson) {
  const std::optional<FlowSecrets> flow = decodeFlow(flowJson);
  if (!flow) {
    refuseSignIn("the sign-in could not be finished (its stored flow is damaged); please sign in again");
  }
  const std::optional<FormFields> query = parseForm(callbackQuery);
  if (!query) {
    refuseSignIn("the sign-in callback's query string is malformed");
  }
  if (const std::optional<std::string> error = formValue(*query, "error")) {
    const std::string description = printableText(formValue(*query, "error_description").value_or(""), 200);
    refuseSignIn("The identity provider refused the sign-in: " + printableText(*error, 64) +
                 (description.empty() ? "" : " (" + description + ")"));
  }
  // RFC 9207: an IdP that names itself on the callback must be the one configured, which
  // defeats a mix-up where another IdP's code is replayed here.
  if (const std::optional<std::string> issuer = formValue(*query, "iss");
      issuer && *issuer != config_.issuer) {
    refuseSignIn("the sign-in response came from another identity provider (iss)");
  }
  const std::optional<std::string> code = formValue(*query, "code");
  if (!code || code->empty()) {
    refuseSignIn("the sign-in callback carries no authorization code");
  }

  const ProviderMetadata metadata = provider_.metadata();
  const ClientAuth method = chooseClientAuth(config_, metadata);
  const CodeRedemption redemption{*code, std::string(redirectUri), flow->verifier};
  const TokenResponse tokens = readTokenResponse(
      send(tokenRequest(metadata, config_, method, clientSecret_, redemption), "token endpoint"));

  TokenRules rules;
  rules.issuer = config_.issuer;
  rules.audiences = {config_.clientId};
  rules.nowSeconds = nowSeconds();
  rules.clockSkewSeconds = config_.clockSkewSeconds;
  rules.nonce = flow->nonce;
  rules.authorizedParty = config_.clientId;
  Claims claims;
  try {
    claims = validateToken(tokens.idToken, provider_, rules);
  } catch (const TokenError& error) {
    log_(GH_LOG_WARN, std::string("sign-in refused: the ID token is not valid: ") + error.what());
    refuseSignIn(std::string("the identity provider's ID token is not valid: ") + error.what());
  }
  if (config_.fetchUserinfo && tokens.accessToken && metadata.userinfoEndpoint) {
    addUserinfo(metadata, *tokens.accessToken, claims);
  }
  return identityFromIdToken(claims, config_);
}

void OidcAuthenticator::addUserinfo(const ProviderMetadata& metadata, const std::string& accessToken,
                                    Claims& claims) {
  sdk::UpstreamRequest request;
  request.method = "GET";
  request.url = *metadata.userinfoEndpoint;
  request.headers.emplace_back("Authorization", "Bearer " + accessToken);
  request.headers.emplace_back("Accept", "application/json");
  const HttpResponse response = send(request, "userinfo endpoint");
  if (response.status != 200) {
    throw sdk::Error(GH_ERROR_UNAVAILABLE, "the identity provider's userinfo endpoint answered HTTP " +
                                               std::to_string(response.status));
  }
  const std::optional<Claims> userinfo = Claims::parse(response.body);
  if (!userinfo) {
    throw sdk::Error(GH_ERROR_UNAVAILABLE, "the identity provider's userinfo response is not a JSON object "
                                           "(set fetch_userinfo to false if it only signs its answers)");
  }
  // OpenID Connect Core 5.3.4: the answer must be about the person the ID token names.
  if (userinfo->string("sub") != claims.string("sub")) {
    refuseSignIn("the identity provider's userinfo is about another subject than its ID token");
  }
  claims.addMissing(*userinfo);
}

std::optional<sdk::Identity> OidcAuthenticator::identityFromBearer(std::string_view authorizationHeader) {
  if (!config_.acceptAccessTokens) {
    return std::nullopt;
  }
  const std::string_view token = bearerToken(authorizationHeader);
  if (!looksLikeJwt(token)) {
    return std::nullopt; // an API key or an opaque token: another plugin's business
  }
  TokenRules rules;
  rules.issuer = config_.issuer;
  rules.audiences = config_.allowedAudiences;
  rules.nowSeconds = nowSeconds();
  rules.clockSkewSeconds = config_.clockSkewSeconds;
  return identityFromAccessToken(validateToken(token, provider_, rules), config_);
}

} // namespace gatehouse::plugins::oidc
