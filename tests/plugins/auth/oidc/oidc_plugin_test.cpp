// The built libgatehouse_auth_oidc.so driven through the SDK's FakeHost, as the gateway
// drives it: init and its config errors, authenticate with IdP access tokens, and the
// browser sign-in through login_start / login_finish, with the IdP's answers scripted on
// the host's HTTP client.
#include <gatehouse/testing/fake_host.hpp>
#include <gatehouse/testing/plugin_library.hpp>

#include <gtest/gtest.h>

#include <chrono>

#include "base64url.hpp"
#include "login_flow.hpp"
#include "test_idp.hpp"
#include "url_encoding.hpp"

namespace gatehouse::plugins::oidc {
namespace {

using gatehouse::testing::AuthOutcome;
using gatehouse::testing::FakeHost;
using gatehouse::testing::FakeRequest;
using gatehouse::testing::FakeUpstreamResponse;
using gatehouse::testing::PluginLibrary;
using test::ClaimsBuilder;
using test::kClientId;
using test::kIssuer;
using test::signedToken;
using test::TestKey;

const std::string kSecret = "the-client-secret-0123456789";
const std::string kRedirect = "https://gw.test/auth/callback";

std::int64_t nowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Claims the plugin accepts now (it reads the real clock).
ClaimsBuilder liveClaims() {
  ClaimsBuilder claims;
  claims.set("iss", kIssuer)
      .set("sub", "user-123")
      .set("aud", kClientId)
      .set("exp", nowSeconds() + 300)
      .set("iat", nowSeconds() - 5)
      .set("email", "ada@example.com")
      .set("name", "Ada Lovelace")
      .set("groups", {"gatehouse-admins", "team-research"});
  return claims;
}

class OidcPluginTest : public ::testing::Test {
protected:
  static std::string config(const std::string& extra = "") {
    return R"({"issuer":"https://idp.test","client_id":"gatehouse-web","client_secret":"env:OIDC_SECRET",)"
           R"("admin_values":["gatehouse-admins"],"teams_claim":"groups","team_prefix":"team-")" +
           (extra.empty() ? "" : "," + extra) + "}";
  }

  void SetUp() override {
    host_.secrets().setEnv("OIDC_SECRET", kSecret);
    buffersBefore_ = FakeHost::liveBufferCount();
  }
  void TearDown() override {
    host_.shutdown();
    EXPECT_EQ(FakeHost::liveBufferCount(), buffersBefore_) << "the plugin leaked a buffer";
    EXPECT_EQ(host_.http().leftOpen(), 0u) << "the plugin left an HTTP response open";
    EXPECT_TRUE(host_.http().misuses().empty()) << host_.http().misuses().front();
    for (const auto& line : host_.logs().lines()) {
      EXPECT_EQ(line.message.find(kSecret), std::string::npos) << "the client secret was logged";
    }
  }

  void init(const std::string& json = config()) {
    ASSERT_EQ(host_.init(library_.descriptor(), json), GH_OK) << host_.lastError();
  }

  void queueDiscoveryAndKeys() {
    host_.http().respond(FakeUpstreamResponse::body(200, test::discoveryJson()));
    host_.http().respond(
        FakeUpstreamResponse::body(200, test::jwks({TestKey::sharedRsa().jwk(), TestKey::sharedEc().jwk()})));
  }

  AuthOutcome authenticate(const std::string& authorization, gh_status expected = GH_OK) {
    FakeRequest request;
    request.setHeader("Authorization", authorization);
    AuthOutcome outcome;
    EXPECT_EQ(host_.authenticate(request, outcome), expected) << host_.lastError();
    return outcome;
  }

  PluginLibrary library_{GATEHOUSE_OIDC_PLUGIN_PATH};
  FakeHost host_{"oidc-main"};
  long buffersBefore_ = 0;
};

TEST_F(OidcPluginTest, DescribesItselfAsASignInAuthPlugin) {
  const gh_plugin_descriptor* descriptor = library_.descriptor();
  EXPECT_EQ(descriptor->kind, GH_KIND_AUTH);
  EXPECT_EQ(std::string(descriptor->name.ptr, descriptor->name.len), "oidc");
  EXPECT_EQ(std::string(descriptor->version.ptr, descriptor->version.len), "1.0.0");
  init();
  EXPECT_TRUE(host_.offersLogin());
}

TEST_F(OidcPluginTest, InitDoesNotNeedTheIdp) {
  init();
  EXPECT_TRUE(host_.http().requests().empty());
}

TEST_F(OidcPluginTest, InitRefusesABadConfig) {
  EXPECT_EQ(host_.init(library_.descriptor(), R"({"issuer":"https://idp.test"})"), GH_ERROR_CONFIG);
  EXPECT_EQ(host_.lastError(),
            "oidc plugin config: client_id is required (the id the identity provider registered "
            "the gateway under)");
  EXPECT_EQ(host_.init(library_.descriptor(), config(R"("scope":["openid"])")), GH_ERROR_CONFIG);
  EXPECT_NE(host_.lastError().find("unknown key 'scope'"), std::string::npos);
}

TEST_F(OidcPluginTest, InitRefusesASecretItCannotResolve) {
  EXPECT_EQ(host_.init(library_.descriptor(), R"({"issuer":"https://idp.test","client_id":"c",)"
                                              R"("client_secret":"env:MISSING_SECRET"})"),
            GH_ERROR_CONFIG);
  EXPECT_NE(host_.lastError().find("client_secret"), std::string::npos) << host_.lastError();
  EXPECT_NE(host_.lastError().find("env:MISSING_SECRET"), std::string::npos) << host_.lastError();
}

TEST_F(OidcPluginTest, WarnsAboutAPlainHttpIssuerOffThisMachine) {
  init(R"({"issuer":"http://idp.example.com","client_id":"c"})");
  EXPECT_TRUE(host_.logs().contains("is plain http")) << "an IdP reached without TLS";
  FakeHost loopback;
  ASSERT_EQ(loopback.init(library_.descriptor(), R"({"issuer":"http://127.0.0.1:8080","client_id":"c"})"),
            GH_OK);
  EXPECT_FALSE(loopback.logs().contains("is plain http")) << "a loopback IdP";
}

TEST_F(OidcPluginTest, LeavesApiKeysAndOtherSchemesToOtherPlugins) {
  init();
  EXPECT_EQ(authenticate("Bearer ghk_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG").verdict, GH_AUTH_NOT_MINE);
  EXPECT_EQ(authenticate("Basic dXNlcjpwYXNz").verdict, GH_AUTH_NOT_MINE);
  FakeRequest none;
  AuthOutcome outcome;
  EXPECT_EQ(host_.authenticate(none, outcome), GH_OK);
  EXPECT_EQ(outcome.verdict, GH_AUTH_NOT_MINE);
  EXPECT_TRUE(host_.http().requests().empty());
}

TEST_F(OidcPluginTest, AcceptsAValidAccessTokenAndResolvesTheUser) {
  init();
  queueDiscoveryAndKeys();
  const AuthOutcome outcome =
      authenticate("Bearer " + signedToken(TestKey::sharedRsa(), liveClaims().json()));
  EXPECT_EQ(outcome.verdict, GH_AUTH_ACCEPTED) << host_.lastError();
  EXPECT_EQ(outcome.subject, "user-123");
  EXPECT_EQ(outcome.role, GH_ROLE_ADMIN);
  EXPECT_EQ(outcome.team, "research");
  ASSERT_EQ(host_.identities().calls().size(), 1u);
  const sdk::Identity& asked = host_.identities().calls()[0];
  EXPECT_EQ(asked.issuer, kIssuer);
  EXPECT_EQ(asked.email, "ada@example.com");
  EXPECT_EQ(asked.name, "Ada Lovelace");
  EXPECT_FALSE(asked.isService);
  ASSERT_EQ(host_.http().requests().size(), 2u);
  EXPECT_EQ(host_.http().requests()[0].url, test::kDiscoveryUrl);
  EXPECT_EQ(host_.http().requests()[1].url, test::kJwksUrl);

  // The keys are cached: the next token costs the IdP nothing.
  EXPECT_EQ(authenticate("Bearer " + signedToken(TestKey::sharedEc(), liveClaims().json())).verdict,
            GH_AUTH_ACCEPTED);
  EXPECT_EQ(host_.http().requests().size(), 2u);
}

TEST_F(OidcPluginTest, AClientCredentialsTokenResolvesAsAService) {
  init();
  queueDiscoveryAndKeys();
  ClaimsBuilder claims = liveClaims();
  claims.remove("sub").remove("email").remove("name").set("client_id", "nightly-batch");
  EXPECT_EQ(authenticate("Bearer " + signedToken(TestKey::sharedRsa(), claims.json())).verdict,
            GH_AUTH_ACCEPTED);
  ASSERT_EQ(host_.identities().calls().size(), 1u);
  EXPECT_EQ(host_.identities().calls()[0].subject, "nightly-batch");
  EXPECT_TRUE(host_.identities().calls()[0].isService);
}

TEST_F(OidcPluginTest, DeniesAnInvalidTokenWithThePreciseReason) {
  init();
  queueDiscoveryAndKeys();
  ClaimsBuilder expired = liveClaims();
  expired.set("exp", nowSeconds() - 3600);
  const std::string token = signedToken(TestKey::sharedRsa(), expired.json());
  EXPECT_EQ(authenticate("Bearer " + token).verdict, GH_AUTH_DENIED);
  EXPECT_EQ(host_.lastError(), "the token has expired");
  EXPECT_EQ(
      authenticate("Bearer " + signedToken(TestKey::sharedRsa(), liveClaims().set("aud", "other").json()))
          .verdict,
      GH_AUTH_DENIED);
  EXPECT_EQ(host_.lastError(), "the token is not meant for this gateway (wrong audience)");
  EXPECT_EQ(authenticate("Bearer " + test::hs256Token(TestKey::sharedRsa().publicPem(), R"({"alg":"HS256"})",
                                                      liveClaims().json()))
                .verdict,
            GH_AUTH_DENIED);
  EXPECT_NE(host_.lastError().find("\"HS256\" is not accepted"), std::string::npos) << host_.lastError();
  EXPECT_TRUE(host_.identities().calls().empty());
  for (const auto& line : host_.logs().lines()) {
    EXPECT_EQ(line.message.find(token.substr(token.rfind('.'))), std::string::npos) << "a token was logged";
  }
}

TEST_F(OidcPluginTest, AnUnreachableIdpIsAnOutageNotADenial) {
  init();
  host_.http().respond(
      FakeUpstreamResponse::sendFailure(GH_ERROR_UPSTREAM, "cannot connect to idp.test:443"));
  const AuthOutcome outcome =
      authenticate("Bearer " + signedToken(TestKey::sharedRsa(), liveClaims().json()), GH_ERROR_UNAVAILABLE);
  EXPECT_NE(outcome.verdict, GH_AUTH_ACCEPTED);
  EXPECT_NE(host_.lastError().find("cannot be reached"), std::string::npos) << host_.lastError();
}

TEST_F(OidcPluginTest, ADisabledUserIsDenied) {
  init();
  queueDiscoveryAndKeys();
  host_.identities().fail(GH_ERROR_PERMISSION_DENIED, "This account is disabled.");
  EXPECT_EQ(authenticate("Bearer " + signedToken(TestKey::sharedRsa(), liveClaims().json())).verdict,
            GH_AUTH_DENIED);
  EXPECT_EQ(host_.lastError(), "This account is disabled.");
  host_.identities().fail(GH_ERROR_UNAVAILABLE, "the store is down");
  authenticate("Bearer " + signedToken(TestKey::sharedRsa(), liveClaims().json()), GH_ERROR_UNAVAILABLE);
}

TEST_F(OidcPluginTest, SignsSomeoneInThroughTheHost) {
  init();
  host_.http().respond(FakeUpstreamResponse::body(200, test::discoveryJson()));
  sdk::LoginStart start;
  ASSERT_EQ(host_.loginStart("state-abc", kRedirect, start), GH_OK) << host_.lastError();
  ASSERT_EQ(start.location.rfind(test::kAuthorizeUrl + "?", 0), 0u) << start.location;
  const FormFields query = *parseForm(start.location.substr(start.location.find('?') + 1));
  EXPECT_EQ(formValue(query, "state"), "state-abc");
  const std::optional<FlowSecrets> flow = decodeFlow(start.flow);
  ASSERT_TRUE(flow);

  ClaimsBuilder idClaims = liveClaims();
  idClaims.set("nonce", flow->nonce).remove("groups");
  host_.http().respond(
      FakeUpstreamResponse::body(200, R"({"access_token":"at-1","token_type":"Bearer","id_token":")" +
                                          signedToken(TestKey::sharedEc(), idClaims.json()) + "\"}"));
  host_.http().respond(FakeUpstreamResponse::body(200, test::jwks({TestKey::sharedEc().jwk()})));
  host_.http().respond(
      FakeUpstreamResponse::body(200, R"({"sub":"user-123","groups":["team-ml","gatehouse-admins"]})"));
  sdk::Identity identity;
  ASSERT_EQ(host_.loginFinish(kRedirect, "code=code-1&state=state-abc", start.flow, identity), GH_OK)
      << host_.lastError();
  EXPECT_EQ(identity.issuer, kIssuer);
  EXPECT_EQ(identity.subject, "user-123");
  EXPECT_EQ(identity.email, "ada@example.com");
  EXPECT_EQ(identity.role, GH_ROLE_ADMIN);
  EXPECT_EQ(identity.teams, std::vector<std::string>{"ml"});

  ASSERT_EQ(host_.http().requests().size(), 4u);
  const auto& tokenCall = host_.http().requests()[1];
  EXPECT_EQ(tokenCall.url, test::kTokenUrl);
  EXPECT_EQ(tokenCall.header("Authorization"),
            "Basic " + base64Encode(std::string(kClientId) + ":" + kSecret));
  const FormFields form = *parseForm(tokenCall.body);
  EXPECT_EQ(formValue(form, "code"), "code-1");
  EXPECT_EQ(formValue(form, "code_verifier"), flow->verifier);
  EXPECT_EQ(formValue(form, "redirect_uri"), kRedirect);
  EXPECT_EQ(host_.http().requests()[3].header("Authorization"), "Bearer at-1");
}

TEST_F(OidcPluginTest, ReportsTheIdpsRefusalOfTheSignIn) {
  init();
  host_.http().respond(FakeUpstreamResponse::body(200, test::discoveryJson()));
  sdk::LoginStart start;
  ASSERT_EQ(host_.loginStart("s", kRedirect, start), GH_OK) << host_.lastError();
  sdk::Identity identity;
  EXPECT_EQ(host_.loginFinish(kRedirect, "error=access_denied&state=s", start.flow, identity),
            GH_ERROR_UNAUTHENTICATED);
  EXPECT_EQ(host_.lastError(), "The identity provider refused the sign-in: access_denied");
}

TEST_F(OidcPluginTest, LoginStartFailsCleanlyWhileTheIdpIsDown) {
  init();
  host_.http().respond(FakeUpstreamResponse::sendFailure(GH_ERROR_UPSTREAM_TIMEOUT, "idp.test timed out"));
  sdk::LoginStart start;
  EXPECT_EQ(host_.loginStart("s", kRedirect, start), GH_ERROR_UNAVAILABLE);
  EXPECT_NE(host_.lastError().find("idp.test timed out"), std::string::npos) << host_.lastError();
}

} // namespace
} // namespace gatehouse::plugins::oidc
