#include <gtest/gtest.h>

#include "login_flow.hpp"
#include "pkce.hpp"
#include "url_encoding.hpp"

namespace gatehouse::plugins::oidc {
namespace {

OidcConfig config() {
  OidcConfig config;
  config.issuer = "https://idp.test";
  config.clientId = "gatehouse web";
  config.scopes = {"openid", "email", "groups"};
  return config;
}

FormFields queryOf(const std::string& url) {
  const std::optional<FormFields> fields = parseForm(url.substr(url.find('?') + 1));
  EXPECT_TRUE(fields) << url;
  return fields.value_or(FormFields{});
}

TEST(AuthorizationUrl, CarriesEveryParameterOfTheCodeFlowWithPkce) {
  const FlowSecrets flow{"the-nonce", "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"};
  const std::string url = authorizationUrl("https://idp.test/authorize", config(), "state-123",
                                           "https://gw.test/auth/callback", flow);
  ASSERT_EQ(url.rfind("https://idp.test/authorize?", 0), 0u) << url;
  const FormFields query = queryOf(url);
  EXPECT_EQ(formValue(query, "response_type"), "code");
  EXPECT_EQ(formValue(query, "client_id"), "gatehouse web");
  EXPECT_EQ(formValue(query, "redirect_uri"), "https://gw.test/auth/callback");
  EXPECT_EQ(formValue(query, "scope"), "openid email groups");
  EXPECT_EQ(formValue(query, "state"), "state-123");
  EXPECT_EQ(formValue(query, "nonce"), "the-nonce");
  EXPECT_EQ(formValue(query, "code_challenge"), "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  EXPECT_EQ(formValue(query, "code_challenge_method"), "S256");
  EXPECT_EQ(query.size(), 8u);
  EXPECT_EQ(url.find("dBjftJeZ4CVP"), std::string::npos) << "the verifier never leaves the gateway";
  EXPECT_EQ(url.find(' '), std::string::npos);
}

TEST(AuthorizationUrl, KeepsAQueryTheEndpointAlreadyHas) {
  const std::string url = authorizationUrl("https://idp.test/oauth2/authorize?p=B2C_1_signin", config(), "s",
                                           "https://gw/cb", FlowSecrets{"n", "v"});
  EXPECT_EQ(url.rfind("https://idp.test/oauth2/authorize?p=B2C_1_signin&response_type=code&", 0), 0u) << url;
}

TEST(Flow, RoundTripsThroughJson) {
  const FlowSecrets flow{newNonce(), newCodeVerifier()};
  const std::string json = encodeFlow(flow);
  EXPECT_EQ(json, "{\"nonce\":\"" + flow.nonce + "\",\"verifier\":\"" + flow.verifier + "\"}");
  const std::optional<FlowSecrets> decoded = decodeFlow(json);
  ASSERT_TRUE(decoded);
  EXPECT_EQ(decoded->nonce, flow.nonce);
  EXPECT_EQ(decoded->verifier, flow.verifier);
}

TEST(Flow, RefusesADamagedFlow) {
  EXPECT_FALSE(decodeFlow(""));
  EXPECT_FALSE(decodeFlow("{}"));
  EXPECT_FALSE(decodeFlow(R"({"nonce":"n"})"));
  EXPECT_FALSE(decodeFlow(R"({"nonce":"","verifier":"v"})"));
  EXPECT_FALSE(decodeFlow(R"({"nonce":1,"verifier":"v"})"));
}

} // namespace
} // namespace gatehouse::plugins::oidc
