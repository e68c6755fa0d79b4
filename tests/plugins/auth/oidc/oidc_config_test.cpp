#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include <string>

#include "oidc_config.hpp"

namespace gatehouse::plugins::oidc {
namespace {

const std::string kMinimal = R"("issuer":"https://idp.example.com","client_id":"gatehouse")";

OidcConfig parse(const std::string& members) {
  return parseOidcConfig("{" + members + "}");
}

// The GH_ERROR_CONFIG message parsing fails with; "" when it succeeds.
std::string refusal(const std::string& json) {
  try {
    parseOidcConfig(json);
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_CONFIG);
    return error.what();
  }
  return "";
}
std::string refusalWith(const std::string& extra) {
  return refusal("{" + kMinimal + "," + extra + "}");
}

TEST(OidcConfig, MinimalConfigTakesTheDefaults) {
  const OidcConfig config = parse(kMinimal);
  EXPECT_EQ(config.issuer, "https://idp.example.com");
  EXPECT_EQ(config.clientId, "gatehouse");
  EXPECT_FALSE(config.clientSecretRef);
  EXPECT_EQ(config.scopes, (std::vector<std::string>{"openid", "email", "profile"}));
  EXPECT_EQ(config.allowedAudiences, std::vector<std::string>{"gatehouse"});
  EXPECT_EQ(config.roleClaim, "groups");
  EXPECT_TRUE(config.adminValues.empty());
  EXPECT_EQ(config.teamsClaim, "");
  EXPECT_EQ(config.emailClaim, "email");
  EXPECT_EQ(config.nameClaim, "name");
  EXPECT_TRUE(config.acceptAccessTokens);
  EXPECT_EQ(config.clockSkewSeconds, 60);
  EXPECT_EQ(config.jwksMinRefreshSeconds, 10);
  EXPECT_EQ(config.tokenEndpointAuth, ClientAuth::None) << "no secret: a public client";
  EXPECT_TRUE(config.fetchUserinfo);
}

TEST(OidcConfig, ReadsEveryKey) {
  const OidcConfig config = parse(kMinimal + R"(,"client_secret":"env:OIDC_SECRET",
      "scopes":["openid","groups"],"allowed_audiences":["api://gatehouse","gatehouse"],
      "role_claim":"realm_access.roles","admin_values":["gatehouse-admins","root"],
      "teams_claim":"groups","team_prefix":"team-","email_claim":"mail","name_claim":"preferred_username",
      "accept_access_tokens":false,"clock_skew_seconds":5,"jwks_min_refresh_seconds":30,
      "token_endpoint_auth":"client_secret_post","fetch_userinfo":false)");
  EXPECT_EQ(config.clientSecretRef, "env:OIDC_SECRET");
  EXPECT_EQ(config.scopes, (std::vector<std::string>{"openid", "groups"}));
  EXPECT_EQ(config.allowedAudiences, (std::vector<std::string>{"api://gatehouse", "gatehouse"}));
  EXPECT_EQ(config.roleClaim, "realm_access.roles");
  EXPECT_EQ(config.adminValues, (std::vector<std::string>{"gatehouse-admins", "root"}));
  EXPECT_EQ(config.teamsClaim, "groups");
  EXPECT_EQ(config.teamPrefix, "team-");
  EXPECT_EQ(config.emailClaim, "mail");
  EXPECT_EQ(config.nameClaim, "preferred_username");
  EXPECT_FALSE(config.acceptAccessTokens);
  EXPECT_EQ(config.clockSkewSeconds, 5);
  EXPECT_EQ(config.jwksMinRefreshSeconds, 30);
  EXPECT_EQ(config.tokenEndpointAuth, ClientAuth::ClientSecretPost);
  EXPECT_FALSE(config.fetchUserinfo);
}

TEST(OidcConfig, WithASecretTheAuthMethodIsLeftToDiscovery) {
  EXPECT_EQ(parse(kMinimal + R"(,"client_secret":"file:/run/secrets/oidc")").tokenEndpointAuth, std::nullopt);
  EXPECT_EQ(parse(kMinimal + R"(,"client_secret":"env:S","token_endpoint_auth":"client_secret_basic")")
                .tokenEndpointAuth,
            ClientAuth::ClientSecretBasic);
}

TEST(OidcConfig, RequiresIssuerAndClientId) {
  EXPECT_NE(refusal(R"({"client_id":"x"})").find("issuer is required"), std::string::npos);
  EXPECT_NE(refusal(R"({"issuer":"https://idp"})").find("client_id is required"), std::string::npos);
  EXPECT_NE(refusal("[]").find("expected a JSON object"), std::string::npos);
  EXPECT_NE(refusal("{").find("expected a JSON object"), std::string::npos);
}

TEST(OidcConfig, RefusesUnknownKeys) {
  EXPECT_NE(refusalWith(R"("isuer":"https://idp")").find("unknown key 'isuer'"), std::string::npos);
}

TEST(OidcConfig, RefusesWrongTypes) {
  EXPECT_NE(refusal(R"({"issuer":1,"client_id":"x"})").find("issuer must be a string"), std::string::npos);
  EXPECT_NE(refusalWith(R"("scopes":"openid")").find("scopes must be an array"), std::string::npos);
  EXPECT_NE(refusalWith(R"("scopes":["openid",""])").find("non-empty strings"), std::string::npos);
  EXPECT_NE(refusalWith(R"("admin_values":[1])").find("admin_values must be an array of non-empty strings"),
            std::string::npos);
  EXPECT_NE(refusalWith(R"("accept_access_tokens":"yes")").find("true or false"), std::string::npos);
  EXPECT_NE(refusalWith(R"("clock_skew_seconds":1.5)").find("whole number"), std::string::npos);
  EXPECT_NE(refusalWith(R"("team_prefix":null)").find("team_prefix must be a string"), std::string::npos);
}

TEST(OidcConfig, RefusesValuesThatCannotWork) {
  EXPECT_NE(refusal(R"({"issuer":"idp.example.com","client_id":"x"})").find("absolute https://"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"issuer":"https://idp/?tenant=1","client_id":"x"})").find("query"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"issuer":"https://u:p@idp","client_id":"x"})").find("credentials"),
            std::string::npos);
  EXPECT_NE(refusalWith(R"("scopes":["email"])").find("must include \"openid\""), std::string::npos);
  EXPECT_NE(refusalWith(R"("scopes":["openid","a b"])").find("not a valid scope"), std::string::npos);
  EXPECT_NE(refusalWith(R"("clock_skew_seconds":601)").find("from 0 to 600"), std::string::npos);
  EXPECT_NE(refusalWith(R"("jwks_min_refresh_seconds":0)").find("from 1 to 86400"), std::string::npos);
  EXPECT_NE(refusalWith(R"("token_endpoint_auth":"private_key_jwt","client_secret":"env:S")")
                .find("client_secret_basic"),
            std::string::npos);
  EXPECT_NE(refusalWith(R"("token_endpoint_auth":"client_secret_post")").find("needs client_secret"),
            std::string::npos);
  EXPECT_NE(refusalWith(R"("role_claim":"","admin_values":["a"])").find("needs role_claim"),
            std::string::npos);
  EXPECT_NE(refusalWith(R"("allowed_audiences":[])").find("must not be empty"), std::string::npos);
  EXPECT_NE(refusalWith(R"("teams_claim":"a..b")").find("not a claim name"), std::string::npos);
}

TEST(OidcConfig, AnEmptyAudienceListIsFineWhenAccessTokensAreOff) {
  EXPECT_TRUE(
      parse(kMinimal + R"(,"allowed_audiences":[],"accept_access_tokens":false)").allowedAudiences.empty());
}

TEST(OidcConfig, NeverEchoesASecretPastedInPlaceOfAReference) {
  const std::string message = refusalWith(R"("client_secret":"s3cr3t-value-123")");
  EXPECT_NE(message.find("env:NAME or file:PATH"), std::string::npos);
  EXPECT_EQ(message.find("s3cr3t"), std::string::npos);
}

} // namespace
} // namespace gatehouse::plugins::oidc
