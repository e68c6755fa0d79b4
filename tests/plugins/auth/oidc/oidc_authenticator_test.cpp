#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include <algorithm>

#include "base64url.hpp"
#include "login_flow.hpp"
#include "oidc_authenticator.hpp"
#include "pkce.hpp"
#include "test_idp.hpp"
#include "token_error.hpp"
#include "url_encoding.hpp"

namespace gatehouse::plugins::oidc {
namespace {

using test::ClaimsBuilder;
using test::kClientId;
using test::kIssuer;
using test::kTokenUrl;
using test::kUserinfoUrl;
using test::signedToken;
using test::TestIdp;
using test::TestKey;

const std::string kRedirect = "https://gw.test/auth/callback";
const std::string kSecret = "client-secret-value";

OidcConfig testConfig() {
  OidcConfig config;
  config.issuer = kIssuer;
  config.clientId = kClientId;
  config.clientSecretRef = "env:OIDC_SECRET";
  config.allowedAudiences = {kClientId, "api://gatehouse"};
  config.adminValues = {"gatehouse-admins"};
  config.teamsClaim = "groups";
  config.teamPrefix = "team-";
  return config;
}

class OidcAuthenticatorTest : public ::testing::Test {
protected:
  // Starts a sign-in and scripts the token endpoint to answer with an ID token for it,
  // built from `claims` (the flow's nonce is filled in unless the test set one).
  FlowSecrets startAndScript(ClaimsBuilder claims, bool keepNonce = false) {
    const sdk::LoginStart start = authenticator_.loginStart("state-1", kRedirect);
    const FlowSecrets flow = *decodeFlow(start.flow);
    if (!keepNonce) {
      claims.set("nonce", flow.nonce);
    }
    const std::string idToken = signedToken(TestKey::sharedRsa(), claims.json());
    idp_.http.on(kTokenUrl, 200,
                 R"({"access_token":"opaque-at","token_type":"Bearer","id_token":")" + idToken + "\"}");
    flowJson_ = start.flow;
    return flow;
  }

  sdk::Identity finish(const std::string& query = "code=the-code&state=state-1") {
    return authenticator_.loginFinish(kRedirect, query, flowJson_);
  }

  std::pair<gh_status, std::string> finishFailure(const std::string& query = "code=the-code&state=state-1") {
    try {
      finish(query);
    } catch (const sdk::Error& error) {
      return {error.status(), error.what()};
    }
    ADD_FAILURE() << "the sign-in finished";
    return {GH_OK, ""};
  }

  std::optional<sdk::Identity> bearer(const std::string& header) {
    return authenticator_.identityFromBearer(header);
  }

  TestIdp idp_;
  OidcAuthenticator authenticator_{testConfig(), kSecret, idp_.http, idp_.clock(), idp_.log()};
  std::string flowJson_;
};

TEST_F(OidcAuthenticatorTest, LoginStartSendsTheBrowserToTheIdp) {
  const sdk::LoginStart start = authenticator_.loginStart("state-1", kRedirect);
  ASSERT_EQ(start.location.rfind(test::kAuthorizeUrl + "?", 0), 0u) << start.location;
  const FormFields query = *parseForm(start.location.substr(start.location.find('?') + 1));
  const std::optional<FlowSecrets> flow = decodeFlow(start.flow);
  ASSERT_TRUE(flow);
  EXPECT_EQ(formValue(query, "state"), "state-1");
  EXPECT_EQ(formValue(query, "redirect_uri"), kRedirect);
  EXPECT_EQ(formValue(query, "client_id"), kClientId);
  EXPECT_EQ(formValue(query, "scope"), "openid email profile");
  EXPECT_EQ(formValue(query, "nonce"), flow->nonce);
  EXPECT_EQ(formValue(query, "code_challenge"), codeChallengeS256(flow->verifier));
  EXPECT_EQ(formValue(query, "code_challenge_method"), "S256");
  EXPECT_LE(start.flow.size(), sdk::kMaxLoginFlowBytes);
  EXPECT_NE(authenticator_.loginStart("state-2", kRedirect).flow, start.flow) << "fresh secrets per sign-in";
}

TEST_F(OidcAuthenticatorTest, LoginStartNeedsTheIdp) {
  idp_.http.unreachable(test::kDiscoveryUrl);
  try {
    authenticator_.loginStart("s", kRedirect);
    FAIL();
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_UNAVAILABLE);
  }
}

TEST_F(OidcAuthenticatorTest, LoginFinishRedeemsTheCodeAndMapsTheIdToken) {
  idp_.http.on(kUserinfoUrl, 200,
               R"({"sub":"user-123","groups":["team-research","gatehouse-admins"],"email":"x@y"})");
  const FlowSecrets flow = startAndScript(TestIdp::idClaims(""));
  const sdk::Identity identity = finish();
  EXPECT_EQ(identity.issuer, kIssuer);
  EXPECT_EQ(identity.subject, "user-123");
  EXPECT_EQ(identity.email, "ada@example.com") << "the signed ID token wins over userinfo";
  EXPECT_EQ(identity.name, "Ada Lovelace");
  EXPECT_EQ(identity.role, GH_ROLE_ADMIN) << "groups came from userinfo";
  EXPECT_EQ(identity.teams, std::vector<std::string>{"research"});
  EXPECT_FALSE(identity.isService);

  const std::vector<sdk::UpstreamRequest> requests = idp_.http.requests();
  const auto tokenCall =
      std::find_if(requests.begin(), requests.end(),
                   [](const sdk::UpstreamRequest& request) { return request.url == kTokenUrl; });
  ASSERT_NE(tokenCall, requests.end());
  EXPECT_EQ(tokenCall->method, "POST");
  EXPECT_EQ(test::headerOf(*tokenCall, "Authorization"), "Basic " + base64Encode(kClientId + ":" + kSecret));
  const FormFields form = *parseForm(tokenCall->body);
  EXPECT_EQ(formValue(form, "grant_type"), "authorization_code");
  EXPECT_EQ(formValue(form, "code"), "the-code");
  EXPECT_EQ(formValue(form, "redirect_uri"), kRedirect);
  EXPECT_EQ(formValue(form, "code_verifier"), flow.verifier);
  const auto userinfoCall =
      std::find_if(requests.begin(), requests.end(),
                   [](const sdk::UpstreamRequest& request) { return request.url == kUserinfoUrl; });
  ASSERT_NE(userinfoCall, requests.end());
  EXPECT_EQ(test::headerOf(*userinfoCall, "Authorization"), "Bearer opaque-at");
}

TEST_F(OidcAuthenticatorTest, LoginFinishWorksWithoutUserinfo) {
  idp_.http.on(test::kDiscoveryUrl, 200,
               R"({"issuer":"https://idp.test","authorization_endpoint":"https://idp.test/authorize",)"
               R"("token_endpoint":"https://idp.test/token","jwks_uri":"https://idp.test/jwks",)"
               R"("token_endpoint_auth_methods_supported":["client_secret_post"]})");
  startAndScript(TestIdp::idClaims(""));
  EXPECT_EQ(finish().subject, "user-123");
  const std::vector<sdk::UpstreamRequest> requests = idp_.http.requests();
  const auto tokenCall =
      std::find_if(requests.begin(), requests.end(),
                   [](const sdk::UpstreamRequest& request) { return request.url == kTokenUrl; });
  ASSERT_NE(tokenCall, requests.end());
  EXPECT_EQ(test::headerOf(*tokenCall, "Authorization"), "") << "client_secret_post, as the IdP listed";
  EXPECT_EQ(formValue(*parseForm(tokenCall->body), "client_secret"), kSecret);
  EXPECT_EQ(idp_.http.count(kUserinfoUrl), 0);
}

TEST_F(OidcAuthenticatorTest, TheIdpsRefusalIsShown) {
  startAndScript(TestIdp::idClaims(""));
  const auto [status, message] =
      finishFailure("error=access_denied&error_description=The+user+said+no&state=state-1");
  EXPECT_EQ(status, GH_ERROR_UNAUTHENTICATED);
  EXPECT_EQ(message, "The identity provider refused the sign-in: access_denied (The user said no)");
  EXPECT_EQ(idp_.http.count(kTokenUrl), 0);
}

TEST_F(OidcAuthenticatorTest, RefusesACallbackWithoutCodeOrFromAnotherIssuer) {
  startAndScript(TestIdp::idClaims(""));
  EXPECT_NE(finishFailure("state=state-1").second.find("no authorization code"), std::string::npos);
  EXPECT_NE(finishFailure("code=c&iss=https%3A%2F%2Fevil.test").second.find("another identity provider"),
            std::string::npos);
  EXPECT_NE(finishFailure("code=%zz").second.find("malformed"), std::string::npos);
  EXPECT_EQ(finish("code=c&iss=https%3A%2F%2Fidp.test").subject, "user-123") << "RFC 9207 iss that matches";
}

TEST_F(OidcAuthenticatorTest, RefusesAnIdTokenForAnotherSignIn) {
  ClaimsBuilder claims = TestIdp::idClaims("a-nonce-from-another-flow");
  startAndScript(claims, /*keepNonce=*/true);
  const auto [status, message] = finishFailure();
  EXPECT_EQ(status, GH_ERROR_UNAUTHENTICATED);
  EXPECT_EQ(
      message,
      "the identity provider's ID token is not valid: the ID token's nonce does not match this sign-in");
}

TEST_F(OidcAuthenticatorTest, RefusesAnExpiredIdToken) {
  ClaimsBuilder claims = TestIdp::idClaims("");
  claims.set("exp", test::kNow - 3600);
  startAndScript(claims);
  EXPECT_NE(finishFailure().second.find("has expired"), std::string::npos);
}

TEST_F(OidcAuthenticatorTest, RefusesADamagedFlow) {
  startAndScript(TestIdp::idClaims(""));
  flowJson_ = "garbage";
  EXPECT_EQ(finishFailure().first, GH_ERROR_UNAUTHENTICATED);
}

TEST_F(OidcAuthenticatorTest, ARefusedCodeIsReported) {
  startAndScript(TestIdp::idClaims(""));
  idp_.http.on(kTokenUrl, 400, R"({"error":"invalid_grant"})");
  const auto [status, message] = finishFailure();
  EXPECT_EQ(status, GH_ERROR_UNAUTHENTICATED);
  EXPECT_NE(message.find("invalid_grant"), std::string::npos);
}

TEST_F(OidcAuthenticatorTest, AnUnreachableTokenEndpointIsAnOutage) {
  startAndScript(TestIdp::idClaims(""));
  idp_.http.unreachable(kTokenUrl);
  const auto [status, message] = finishFailure();
  EXPECT_EQ(status, GH_ERROR_UNAVAILABLE);
  EXPECT_NE(message.find("token endpoint"), std::string::npos);
}

TEST_F(OidcAuthenticatorTest, UserinfoMustBeAboutTheSamePerson) {
  idp_.http.on(kUserinfoUrl, 200, R"({"sub":"someone-else","groups":["gatehouse-admins"]})");
  startAndScript(TestIdp::idClaims(""));
  const auto [status, message] = finishFailure();
  EXPECT_EQ(status, GH_ERROR_UNAUTHENTICATED);
  EXPECT_NE(message.find("another subject"), std::string::npos);
}

TEST_F(OidcAuthenticatorTest, BearerAccessTokenIsValidatedAndMapped) {
  ClaimsBuilder claims = TestIdp::accessClaims("api://gatehouse");
  claims.set("groups", {"team-ops"});
  const std::optional<sdk::Identity> identity =
      bearer("Bearer " + signedToken(TestKey::sharedEc(), claims.json()));
  ASSERT_TRUE(identity);
  EXPECT_EQ(identity->subject, "user-123");
  EXPECT_EQ(identity->teams, std::vector<std::string>{"ops"});
  EXPECT_FALSE(identity->isService);
  EXPECT_TRUE(bearer("bearer " + signedToken(TestKey::sharedEc(), claims.json())))
      << "the scheme is case-insensitive";
}

TEST_F(OidcAuthenticatorTest, BearerClientCredentialsTokenIsAService) {
  ClaimsBuilder claims = TestIdp::accessClaims();
  claims.remove("sub").remove("email").remove("name").set("client_id", "nightly-batch");
  const std::optional<sdk::Identity> identity =
      bearer("Bearer " + signedToken(TestKey::sharedRsa(), claims.json()));
  ASSERT_TRUE(identity);
  EXPECT_EQ(identity->subject, "nightly-batch");
  EXPECT_TRUE(identity->isService);
}

TEST_F(OidcAuthenticatorTest, LeavesWhatIsNotAJwtToOtherPlugins) {
  EXPECT_FALSE(bearer(""));
  EXPECT_FALSE(bearer("Bearer ghk_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG"));
  EXPECT_FALSE(bearer("Basic dXNlcjpwYXNz"));
  EXPECT_FALSE(bearer("Bearer"));
  EXPECT_FALSE(bearer("Bearer opaque-token"));
  EXPECT_EQ(idp_.http.requests().size(), 0u) << "the IdP is never asked about someone else's credentials";
}

TEST_F(OidcAuthenticatorTest, RefusesAnInvalidBearerJwt) {
  ClaimsBuilder claims = TestIdp::accessClaims();
  claims.set("exp", test::kNow - 120);
  try {
    bearer("Bearer " + signedToken(TestKey::sharedRsa(), claims.json()));
    FAIL();
  } catch (const TokenError& error) {
    EXPECT_EQ(error.problem(), TokenProblem::Expired);
  }
  // An ID token carries our client id as audience: it passes as an access token too, but
  // one for another API does not.
  EXPECT_THROW(
      bearer("Bearer " + signedToken(TestKey::sharedRsa(), TestIdp::accessClaims("other-api").json())),
      TokenError);
}

TEST_F(OidcAuthenticatorTest, AcceptsTokensOfARotatedInKey) {
  ASSERT_TRUE(bearer("Bearer " + signedToken(TestKey::sharedRsa(), TestIdp::accessClaims().json())));
  const TestKey& next = TestKey::sharedEc("ec-2");
  const std::string token = "Bearer " + signedToken(next, TestIdp::accessClaims().json());
  try {
    bearer(token);
    FAIL() << "a key the IdP does not publish yet";
  } catch (const TokenError& error) {
    EXPECT_EQ(error.problem(), TokenProblem::UnknownKeyId);
  }
  idp_.setKeys(test::jwks({TestKey::sharedRsa().jwk(), next.jwk()}));
  idp_.advanceSeconds(10); // jwks_min_refresh_seconds
  const std::optional<sdk::Identity> identity = bearer(token);
  ASSERT_TRUE(identity);
  EXPECT_EQ(identity->subject, "user-123");
  EXPECT_EQ(idp_.http.count(test::kJwksUrl), 2) << "the unknown kid inside the interval did not refetch";
}

TEST(OidcAuthenticatorConfig, AccessTokensCanBeSwitchedOff) {
  TestIdp idp;
  OidcConfig config = testConfig();
  config.acceptAccessTokens = false;
  OidcAuthenticator authenticator(config, kSecret, idp.http, idp.clock(), idp.log());
  EXPECT_FALSE(authenticator.identityFromBearer(
      "Bearer " + signedToken(TestKey::sharedRsa(), TestIdp::accessClaims().json())));
}

TEST(BearerToken, ExtractsTheToken) {
  EXPECT_EQ(bearerToken("Bearer abc"), "abc");
  EXPECT_EQ(bearerToken("BEARER   abc  "), "abc");
  EXPECT_EQ(bearerToken("Bearerabc"), "");
  EXPECT_EQ(bearerToken("Token abc"), "");
}

} // namespace
} // namespace gatehouse::plugins::oidc
