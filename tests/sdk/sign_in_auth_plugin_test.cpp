// SignInAuthPlugin (ABI 1.2): the descriptor offers login_start/login_finish only for it,
// the trampolines hand the location, flow and identity over as the ABI says, and the
// plugin can talk to its identity provider through Host::send while finishing.
#include <gatehouse/plugin.hpp>
#include <gatehouse/testing/fake_host.hpp>

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace sdk = gatehouse::sdk;
using gatehouse::testing::FakeBuffer;
using gatehouse::testing::FakeCall;
using gatehouse::testing::FakeHost;
using gatehouse::testing::FakeUpstreamResponse;

std::string queryValue(std::string_view query, std::string_view name) {
  const std::string key = std::string(name) + "=";
  const std::size_t start = query.find(key);
  if (start == std::string_view::npos) {
    return {};
  }
  const std::size_t end = query.find('&', start);
  return std::string(
      query.substr(start + key.size(), end == std::string_view::npos ? end : end - start - key.size()));
}

// Signs people in against "https://idp.test": the code from the callback is exchanged at
// the token endpoint, whose answer (plain text here) is the subject.
class DemoSignIn : public sdk::SignInAuthPlugin {
public:
  using SignInAuthPlugin::SignInAuthPlugin;

  sdk::AuthDecision authenticate(sdk::Request&) override { return sdk::AuthDecision::notMine(); }

  sdk::LoginStart loginStart(std::string_view state, std::string_view redirectUri) override {
    if (state == "idp-down") {
      throw sdk::Error(GH_ERROR_UNAVAILABLE, "the identity provider is not reachable");
    }
    if (state == "no-location") {
      return sdk::LoginStart{"", "flow"};
    }
    const std::size_t flowSize = state == "flow-4096" ? 4096 : state == "flow-4097" ? 4097 : 0;
    sdk::LoginStart start;
    start.location = "https://idp.test/authorize?state=" + std::string(state) +
                     "&redirect_uri=" + std::string(redirectUri);
    start.flow = flowSize > 0 ? std::string(flowSize, 'f') : "verifier-" + std::string(state);
    return start;
  }

  sdk::Identity loginFinish(std::string_view redirectUri, std::string_view callbackQuery,
                            std::string_view flow) override {
    if (!queryValue(callbackQuery, "error").empty()) {
      throw sdk::Error(GH_ERROR_UNAUTHENTICATED, "The identity provider refused the sign-in.");
    }
    sdk::UpstreamRequest token;
    token.url = "https://idp.test/token";
    token.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    token.body = "code=" + queryValue(callbackQuery, "code") + "&code_verifier=" + std::string(flow) +
                 "&redirect_uri=" + std::string(redirectUri);
    sdk::Upstream answer = host().send(token);
    if (answer.status() != 200) {
      throw sdk::Error(GH_ERROR_UNAUTHENTICATED, "The sign-in code was not accepted.");
    }
    sdk::Identity identity;
    identity.issuer = "https://idp.test";
    identity.subject = answer.readBody();
    identity.email = identity.subject + "@example.com";
    identity.name = "Name of " + identity.subject;
    identity.role = identity.subject == "root" ? GH_ROLE_ADMIN : GH_ROLE_MEMBER;
    identity.teams = queryValue(callbackQuery, "team") == "bad" ? std::vector<std::string>{"a\nb"}
                                                                : std::vector<std::string>{"ops", "dev team"};
    return identity;
  }
};

class PlainAuth : public sdk::AuthPlugin {
public:
  using AuthPlugin::AuthPlugin;
  sdk::AuthDecision authenticate(sdk::Request&) override { return sdk::AuthDecision::notMine(); }
};

constexpr gh_plugin_descriptor kSignIn = sdk::authDescriptor<DemoSignIn>("demo-sign-in", "1.0.0");
constexpr gh_plugin_descriptor kPlain = sdk::authDescriptor<PlainAuth>("plain", "1.0.0");
constexpr const char* kRedirect = "https://gw.test/auth/callback";

TEST(SignInDescriptor, OffersBothLoginSlotsOnlyForASignInPlugin) {
  ASSERT_NE(kSignIn.auth, nullptr);
  EXPECT_EQ(kSignIn.auth->struct_size, sizeof(gh_auth_vtable));
  EXPECT_NE(kSignIn.auth->login_start, nullptr);
  EXPECT_NE(kSignIn.auth->login_finish, nullptr);
  EXPECT_EQ(gatehouse::testing::descriptorProblem(&kSignIn), "");
  EXPECT_EQ(kPlain.auth->login_start, nullptr);
  EXPECT_EQ(kPlain.auth->login_finish, nullptr);
  EXPECT_EQ(gatehouse::testing::descriptorProblem(&kPlain), "");
}

TEST(SignInDescriptor, APlainAuthPluginOffersNoSignIn) {
  FakeHost host;
  ASSERT_EQ(host.init(&kPlain), GH_OK);
  EXPECT_FALSE(host.offersLogin());
  sdk::LoginStart start;
  EXPECT_EQ(host.loginStart("s", kRedirect, start), GH_ERROR_UNSUPPORTED);
  sdk::Identity identity;
  EXPECT_EQ(host.loginFinish(kRedirect, "code=x", "f", identity), GH_ERROR_UNSUPPORTED);
}

class SignInTest : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_EQ(host_.init(&kSignIn), GH_OK) << host_.lastError(); }

  FakeHost host_;
};

TEST_F(SignInTest, StartHandsOverTheLocationAndTheFlow) {
  EXPECT_TRUE(host_.offersLogin());
  sdk::LoginStart start;
  ASSERT_EQ(host_.loginStart("st-1", kRedirect, start), GH_OK) << host_.lastError();
  EXPECT_EQ(start.location,
            "https://idp.test/authorize?state=st-1&redirect_uri=https://gw.test/auth/callback");
  EXPECT_EQ(start.flow, "verifier-st-1");
}

TEST_F(SignInTest, AStartFailureKeepsItsStatusAndMessage) {
  sdk::LoginStart start;
  EXPECT_EQ(host_.loginStart("idp-down", kRedirect, start), GH_ERROR_UNAVAILABLE);
  EXPECT_EQ(host_.lastError(), "the identity provider is not reachable");
  EXPECT_EQ(start.location, "");
}

TEST_F(SignInTest, AStartWithoutLocationIsAPluginBug) {
  sdk::LoginStart start;
  EXPECT_EQ(host_.loginStart("no-location", kRedirect, start), GH_ERROR_INTERNAL);
  EXPECT_EQ(host_.lastError(), "loginStart returned no location");
}

TEST_F(SignInTest, TheFlowMayBeFourKibibytesAndNoMore) {
  sdk::LoginStart start;
  ASSERT_EQ(host_.loginStart("flow-4096", kRedirect, start), GH_OK) << host_.lastError();
  EXPECT_EQ(start.flow.size(), 4096u);
  EXPECT_EQ(host_.loginStart("flow-4097", kRedirect, start), GH_ERROR_INTERNAL);
  EXPECT_NE(host_.lastError().find("4097 bytes"), std::string::npos) << host_.lastError();
}

TEST_F(SignInTest, FinishExchangesTheCodeAndReturnsTheIdentity) {
  host_.http().respond(FakeUpstreamResponse::body(200, "root", "text/plain"));
  sdk::Identity identity;
  ASSERT_EQ(host_.loginFinish(kRedirect, "code=c-1&state=st-1", "verifier-st-1", identity), GH_OK)
      << host_.lastError();
  EXPECT_EQ(identity.issuer, "https://idp.test");
  EXPECT_EQ(identity.subject, "root");
  EXPECT_EQ(identity.email, "root@example.com");
  EXPECT_EQ(identity.name, "Name of root");
  EXPECT_EQ(identity.role, GH_ROLE_ADMIN);
  EXPECT_EQ(identity.teams, (std::vector<std::string>{"ops", "dev team"}));
  EXPECT_FALSE(identity.isService);
  ASSERT_EQ(host_.http().requests().size(), 1u);
  EXPECT_EQ(host_.http().requests()[0].body,
            "code=c-1&code_verifier=verifier-st-1&redirect_uri=https://gw.test/auth/callback");
  EXPECT_EQ(host_.http().leftOpen(), 0u);
}

TEST_F(SignInTest, ARefusalIsUnauthenticatedWithAReasonForThePerson) {
  sdk::Identity identity;
  EXPECT_EQ(host_.loginFinish(kRedirect, "error=access_denied&state=s", "f", identity),
            GH_ERROR_UNAUTHENTICATED);
  EXPECT_EQ(host_.lastError(), "The identity provider refused the sign-in.");
  EXPECT_EQ(identity.subject, "");
  host_.http().respond(FakeUpstreamResponse::body(400, R"({"error":"invalid_grant"})"));
  EXPECT_EQ(host_.loginFinish(kRedirect, "code=old", "f", identity), GH_ERROR_UNAUTHENTICATED);
  EXPECT_EQ(host_.http().leftOpen(), 0u);
}

TEST_F(SignInTest, AnUnreachableIdentityProviderFailsWithTheHostsStatus) {
  host_.http().respond(FakeUpstreamResponse::sendFailure(GH_ERROR_UPSTREAM, "idp.test: connection refused"));
  sdk::Identity identity;
  EXPECT_EQ(host_.loginFinish(kRedirect, "code=c", "f", identity), GH_ERROR_UPSTREAM);
  EXPECT_EQ(host_.lastError(), "idp.test: connection refused");
}

TEST_F(SignInTest, AnIdentityWithABadTeamNameIsRefusedWhole) {
  host_.http().respond(FakeUpstreamResponse::body(200, "bob", "text/plain"));
  sdk::Identity identity;
  EXPECT_EQ(host_.loginFinish(kRedirect, "code=c&team=bad", "f", identity), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(identity.subject, "");
}

// The raw vtable, as the gateway calls it: the identity's views outlive the call.
class SignInRawTest : public ::testing::Test {
protected:
  void SetUp() override {
    FakeCall call;
    ASSERT_EQ(kSignIn.init(&FakeHost::api(), fake_.handle(), call.handle(), &state_), GH_OK);
  }
  void TearDown() override { kSignIn.shutdown(state_); }

  gh_status finish(const std::string& subject, gh_identity& out) {
    fake_.http().respond(FakeUpstreamResponse::body(200, subject, "text/plain"));
    const std::string query = "code=" + subject;
    FakeCall call;
    return kSignIn.auth->login_finish(state_, call.handle(), gh_str{kRedirect, std::strlen(kRedirect)},
                                      gh_str{query.data(), query.size()}, gh_str{"f", 1}, &out);
  }

  FakeHost fake_;
  void* state_ = nullptr;
};

TEST_F(SignInRawTest, IdentityViewsOutliveTheCall) {
  gh_identity identity{};
  ASSERT_EQ(finish("carol", identity), GH_OK);
  EXPECT_EQ(identity.struct_size, sizeof(gh_identity));
  EXPECT_EQ(sdk::view(identity.subject), "carol");
  EXPECT_EQ(sdk::view(identity.email), "carol@example.com");
  EXPECT_EQ(sdk::view(identity.teams), "ops\ndev team");
  EXPECT_EQ(identity.is_service, 0);
}

TEST_F(SignInRawTest, AnotherThreadsSignInDoesNotOverwriteThisThreadsIdentity) {
  gh_identity mine{};
  ASSERT_EQ(finish("carol", mine), GH_OK);
  std::string theirs;
  fake_.http().respond(FakeUpstreamResponse::body(200, "a-much-longer-subject-than-carol", "text/plain"));
  std::thread other([&] {
    gh_identity identity{};
    FakeCall call;
    const std::string query = "code=x";
    if (kSignIn.auth->login_finish(state_, call.handle(), gh_str{kRedirect, std::strlen(kRedirect)},
                                   gh_str{query.data(), query.size()}, gh_str{"f", 1}, &identity) == GH_OK) {
      theirs = std::string(sdk::view(identity.subject));
    }
  });
  other.join();
  EXPECT_EQ(theirs, "a-much-longer-subject-than-carol");
  EXPECT_EQ(sdk::view(mine.subject), "carol");
}

TEST_F(SignInRawTest, NullOutputsAreRefused) {
  FakeCall call;
  FakeBuffer location;
  EXPECT_EQ(kSignIn.auth->login_start(state_, call.handle(), gh_str{"s", 1}, gh_str{"r", 1},
                                      location.handle(), nullptr),
            GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(location.contents(), "");
  EXPECT_EQ(kSignIn.auth->login_finish(state_, call.handle(), gh_str{"r", 1}, gh_str{"code=x", 6},
                                       gh_str{"f", 1}, nullptr),
            GH_ERROR_INVALID_ARGUMENT);
  EXPECT_FALSE(call.message.empty());
}

} // namespace
