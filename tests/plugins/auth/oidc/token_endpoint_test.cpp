#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include "base64url.hpp"
#include "token_endpoint.hpp"
#include "url_encoding.hpp"

namespace gatehouse::plugins::oidc {
namespace {

const std::string kSecret = "s3cret:with/odd&chars";

OidcConfig config(std::optional<ClientAuth> method) {
  OidcConfig config;
  config.issuer = "https://idp.test";
  config.clientId = "gatehouse";
  config.tokenEndpointAuth = method;
  return config;
}

ProviderMetadata metadata(std::vector<std::string> methods) {
  ProviderMetadata metadata;
  metadata.tokenEndpoint = "https://idp.test/token";
  metadata.tokenEndpointAuthMethods = std::move(methods);
  return metadata;
}

std::string headerOf(const sdk::UpstreamRequest& request, const std::string& name) {
  for (const auto& [key, value] : request.headers) {
    if (key == name) {
      return value;
    }
  }
  return {};
}

const CodeRedemption kRedemption{"the-code", "https://gw.test/auth/callback", "the-verifier"};

TEST(ChooseClientAuth, PrefersTheConfiguredMethod) {
  EXPECT_EQ(chooseClientAuth(config(ClientAuth::ClientSecretPost), metadata({"client_secret_basic"})),
            ClientAuth::ClientSecretPost);
  EXPECT_EQ(chooseClientAuth(config(ClientAuth::None), metadata({"client_secret_basic"})), ClientAuth::None);
}

TEST(ChooseClientAuth, OtherwiseTakesTheFirstTheIdpSupports) {
  EXPECT_EQ(chooseClientAuth(config(std::nullopt),
                             metadata({"private_key_jwt", "client_secret_post", "client_secret_basic"})),
            ClientAuth::ClientSecretPost);
  EXPECT_EQ(chooseClientAuth(config(std::nullopt), metadata({"client_secret_basic", "client_secret_post"})),
            ClientAuth::ClientSecretBasic);
  EXPECT_EQ(chooseClientAuth(config(std::nullopt), metadata({})), ClientAuth::ClientSecretBasic)
      << "the discovery default";
}

TEST(TokenRequest, PostsTheCodeWithTheVerifier) {
  const sdk::UpstreamRequest request =
      tokenRequest(metadata({}), config(ClientAuth::None), ClientAuth::None, "", kRedemption);
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.url, "https://idp.test/token");
  EXPECT_EQ(headerOf(request, "Content-Type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(headerOf(request, "Accept"), "application/json");
  EXPECT_EQ(headerOf(request, "Authorization"), "");
  const std::optional<FormFields> form = parseForm(request.body);
  ASSERT_TRUE(form);
  EXPECT_EQ(formValue(*form, "grant_type"), "authorization_code");
  EXPECT_EQ(formValue(*form, "code"), "the-code");
  EXPECT_EQ(formValue(*form, "redirect_uri"), "https://gw.test/auth/callback");
  EXPECT_EQ(formValue(*form, "code_verifier"), "the-verifier");
  EXPECT_EQ(formValue(*form, "client_id"), "gatehouse") << "a public client names itself in the body";
  EXPECT_EQ(formValue(*form, "client_secret"), std::nullopt);
}

TEST(TokenRequest, ClientSecretBasicEncodesIdAndSecretFirst) {
  const sdk::UpstreamRequest request =
      tokenRequest(metadata({}), config(std::nullopt), ClientAuth::ClientSecretBasic, kSecret, kRedemption);
  // RFC 6749 2.3.1: form-encode each, then join with ':' and base64.
  EXPECT_EQ(headerOf(request, "Authorization"),
            "Basic " + base64Encode("gatehouse:s3cret%3Awith%2Fodd%26chars"));
  const std::optional<FormFields> form = parseForm(request.body);
  EXPECT_EQ(formValue(*form, "client_secret"), std::nullopt);
  EXPECT_EQ(formValue(*form, "client_id"), std::nullopt);
}

TEST(TokenRequest, ClientSecretPostPutsBothInTheBody) {
  const sdk::UpstreamRequest request =
      tokenRequest(metadata({}), config(std::nullopt), ClientAuth::ClientSecretPost, kSecret, kRedemption);
  EXPECT_EQ(headerOf(request, "Authorization"), "");
  const std::optional<FormFields> form = parseForm(request.body);
  EXPECT_EQ(formValue(*form, "client_id"), "gatehouse");
  EXPECT_EQ(formValue(*form, "client_secret"), kSecret);
}

std::pair<gh_status, std::string> failureOf(int status, const std::string& body) {
  try {
    readTokenResponse(HttpResponse{status, "application/json", body});
  } catch (const sdk::Error& error) {
    return {error.status(), error.what()};
  }
  return {GH_OK, ""};
}

TEST(ReadTokenResponse, TakesTheIdTokenAndAccessToken) {
  const TokenResponse tokens = readTokenResponse(HttpResponse{
      200, "application/json", R"({"id_token":"a.b.c","access_token":"at","token_type":"Bearer"})"});
  EXPECT_EQ(tokens.idToken, "a.b.c");
  EXPECT_EQ(tokens.accessToken, "at");
}

TEST(ReadTokenResponse, NeedsAnIdToken) {
  const auto [status, message] = failureOf(200, R"({"access_token":"at"})");
  EXPECT_EQ(status, GH_ERROR_UNAUTHENTICATED);
  EXPECT_NE(message.find("no ID token"), std::string::npos);
  EXPECT_EQ(failureOf(200, "not json").first, GH_ERROR_UNAUTHENTICATED);
}

TEST(ReadTokenResponse, ARefusedCodeIsTheUsersProblem) {
  const auto [status, message] =
      failureOf(400, R"({"error":"invalid_grant","error_description":"grant request is invalid"})");
  EXPECT_EQ(status, GH_ERROR_UNAUTHENTICATED);
  EXPECT_EQ(message,
            "The identity provider refused to finish the sign-in: invalid_grant: grant request is invalid");
}

TEST(ReadTokenResponse, RefusedClientCredentialsAreTheOperatorsProblem) {
  const auto [status, message] = failureOf(401, R"({"error":"invalid_client"})");
  EXPECT_EQ(status, GH_ERROR_UNAVAILABLE);
  EXPECT_NE(message.find("client credentials (invalid_client)"), std::string::npos) << message;
}

TEST(ReadTokenResponse, AFailingIdpIsAnOutage) {
  EXPECT_EQ(failureOf(503, "<html>").first, GH_ERROR_UNAVAILABLE);
  EXPECT_NE(failureOf(502, "").second.find("HTTP 502"), std::string::npos);
}

TEST(ReadTokenResponse, CleansTheIdpsTextBeforeShowingIt) {
  const std::string description = std::string(500, 'x') + "\r\n<b>";
  const auto [status, message] =
      failureOf(400, R"({"error":"invalid\u0007_grant","error_description":")" + description + "\"}");
  EXPECT_EQ(message.find('\x07'), std::string::npos);
  EXPECT_EQ(message.find('\n'), std::string::npos);
  EXPECT_LT(message.size(), 300u);
}

} // namespace
} // namespace gatehouse::plugins::oidc
