#include <gtest/gtest.h>

#include "claim_mapping.hpp"
#include "claims_builder.hpp"
#include "token_error.hpp"

namespace gatehouse::plugins::oidc {
namespace {

using test::ClaimsBuilder;

OidcConfig mappingConfig() {
  OidcConfig config;
  config.issuer = "https://idp.test";
  config.clientId = "gatehouse";
  config.roleClaim = "groups";
  config.adminValues = {"gatehouse-admins"};
  config.teamsClaim = "groups";
  config.teamPrefix = "team-";
  return config;
}

Claims claimsOf(const ClaimsBuilder& builder) {
  return *Claims::parse(builder.json());
}

TEST(ClaimMapping, MapsAPersonFromTheIdToken) {
  ClaimsBuilder claims;
  claims.set("sub", "u-1")
      .set("email", "ada@example.com")
      .set("name", "Ada")
      .set("groups", {"team-research", "staff", "team-ml"});
  const sdk::Identity identity = identityFromIdToken(claimsOf(claims), mappingConfig());
  EXPECT_EQ(identity.issuer, "https://idp.test");
  EXPECT_EQ(identity.subject, "u-1");
  EXPECT_EQ(identity.email, "ada@example.com");
  EXPECT_EQ(identity.name, "Ada");
  EXPECT_EQ(identity.role, GH_ROLE_MEMBER);
  EXPECT_EQ(identity.teams, (std::vector<std::string>{"research", "ml"}))
      << "prefix filtered and stripped, in order";
  EXPECT_FALSE(identity.isService);
}

TEST(ClaimMapping, AnAdminValueInTheRoleClaimMakesAnAdmin) {
  ClaimsBuilder claims;
  claims.set("sub", "u-1").set("groups", {"staff", "gatehouse-admins"});
  EXPECT_EQ(identityFromIdToken(claimsOf(claims), mappingConfig()).role, GH_ROLE_ADMIN);
  claims.set("groups", "gatehouse-admins");
  EXPECT_EQ(identityFromIdToken(claimsOf(claims), mappingConfig()).role, GH_ROLE_ADMIN) << "a string claim";
  claims.set("groups", "gatehouse-admins-not");
  EXPECT_EQ(identityFromIdToken(claimsOf(claims), mappingConfig()).role, GH_ROLE_MEMBER)
      << "exact values only";
  OidcConfig noAdmins = mappingConfig();
  noAdmins.adminValues.clear();
  claims.set("groups", "gatehouse-admins");
  EXPECT_EQ(identityFromIdToken(claimsOf(claims), noAdmins).role, GH_ROLE_MEMBER);
}

TEST(ClaimMapping, ReadsNestedClaims) {
  OidcConfig config = mappingConfig();
  config.roleClaim = "realm_access.roles";
  config.teamsClaim = "org.teams";
  config.teamPrefix = "";
  ClaimsBuilder claims;
  claims.set("sub", "u-1")
      .setJson("realm_access", R"({"roles":["offline_access","gatehouse-admins"]})")
      .setJson("org", R"({"teams":["red","blue","red"]})");
  const sdk::Identity identity = identityFromIdToken(claimsOf(claims), config);
  EXPECT_EQ(identity.role, GH_ROLE_ADMIN);
  EXPECT_EQ(identity.teams, (std::vector<std::string>{"red", "blue"})) << "duplicates dropped";
}

TEST(ClaimMapping, ConfiguredClaimNamesAreUsed) {
  OidcConfig config = mappingConfig();
  config.emailClaim = "upn";
  config.nameClaim = "preferred_username";
  ClaimsBuilder claims;
  claims.set("sub", "u-1").set("email", "wrong@x").set("upn", "ada@corp").set("preferred_username", "ada");
  const sdk::Identity identity = identityFromIdToken(claimsOf(claims), config);
  EXPECT_EQ(identity.email, "ada@corp");
  EXPECT_EQ(identity.name, "ada");
}

TEST(ClaimMapping, DropsValuesThatWouldCorruptTheTeamList) {
  ClaimsBuilder claims;
  claims.set("sub", "u-1").set("groups", {"team-a\nteam-b", "team-", "team-ok"}).set("name", "Eve\r\nAdmin");
  const sdk::Identity identity = identityFromIdToken(claimsOf(claims), mappingConfig());
  EXPECT_EQ(identity.teams, std::vector<std::string>{"ok"});
  EXPECT_EQ(identity.name, "");
}

TEST(ClaimMapping, AnIdTokenNeedsASubject) {
  ClaimsBuilder claims;
  claims.set("email", "a@b");
  EXPECT_THROW(identityFromIdToken(claimsOf(claims), mappingConfig()), TokenError);
}

TEST(ClaimMapping, AClientCredentialsTokenIsAService) {
  ClaimsBuilder claims;
  claims.set("client_id", "batch-job").set("groups", {"team-data"});
  const sdk::Identity identity = identityFromAccessToken(claimsOf(claims), mappingConfig());
  EXPECT_EQ(identity.subject, "batch-job") << "no sub: the client id";
  EXPECT_TRUE(identity.isService);
  EXPECT_EQ(identity.teams, std::vector<std::string>{"data"});

  claims.set("sub", "svc-1").set("email", "robot@example.com").set("gty", "client-credentials");
  const sdk::Identity withSub = identityFromAccessToken(claimsOf(claims), mappingConfig());
  EXPECT_EQ(withSub.subject, "svc-1");
  EXPECT_TRUE(withSub.isService) << "gty says so, whatever else it carries";
}

TEST(ClaimMapping, AUsersAccessTokenIsAPerson) {
  ClaimsBuilder claims;
  claims.set("sub", "u-1").set("email", "ada@example.com").set("client_id", "cli");
  const sdk::Identity identity = identityFromAccessToken(claimsOf(claims), mappingConfig());
  EXPECT_EQ(identity.subject, "u-1");
  EXPECT_FALSE(identity.isService);
}

TEST(ClaimMapping, AnAccessTokenNeedsSomeoneToBe) {
  ClaimsBuilder claims;
  claims.set("scope", "openid");
  try {
    identityFromAccessToken(claimsOf(claims), mappingConfig());
    FAIL();
  } catch (const TokenError& error) {
    EXPECT_EQ(error.problem(), TokenProblem::MissingClaim);
  }
}

} // namespace
} // namespace gatehouse::plugins::oidc
