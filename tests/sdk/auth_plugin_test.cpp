// The auth trampoline: verdicts, the principal's storage, and the exception firewall.
#include <gatehouse/plugin.hpp>
#include <gatehouse/testing/fake_host.hpp>

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <thread>

namespace {

namespace sdk = gatehouse::sdk;
using gatehouse::testing::AuthOutcome;
using gatehouse::testing::FakeCall;
using gatehouse::testing::FakeHost;
using gatehouse::testing::FakeRequest;

class BearerPlugin : public sdk::AuthPlugin {
public:
  using AuthPlugin::AuthPlugin;

  sdk::AuthDecision authenticate(sdk::Request& request) override {
    const std::string_view header = request.header("authorization");
    if (header.rfind("Bearer ", 0) != 0) {
      return sdk::AuthDecision::notMine();
    }
    const std::string token(header.substr(7));
    if (token == "bad") {
      return sdk::AuthDecision::deny("API key is revoked");
    }
    if (token == "bad-silent") {
      return sdk::AuthDecision::deny("");
    }
    if (token == "store-down") {
      throw std::runtime_error("key store unreachable");
    }
    sdk::Principal principal;
    principal.role = token == "admin" ? GH_ROLE_ADMIN : GH_ROLE_MEMBER;
    principal.subject = "user:" + token;
    principal.team = "team-a";
    principal.app = "app-" + std::string(request.path());
    principal.keyId = "key-17";
    principal.scopes = "model:* endpoint:chat";
    principal.requestsPerMinute = 60;
    principal.tokensPerMinute = 1000;
    principal.monthlyBudgetMicroUsd = 25'000'000;
    return sdk::AuthDecision::accept(principal);
  }
};

constexpr gh_plugin_descriptor kDescriptor = sdk::authDescriptor<BearerPlugin>("bearer", "1.0.0");

class AuthPluginTest : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_EQ(host_.init(&kDescriptor), GH_OK) << host_.lastError(); }

  // Calls the vtable directly, as the gateway does, so the test sees the raw views.
  gh_status rawAuthenticate(const std::string& token, gh_auth_verdict& verdict, gh_principal& principal) {
    FakeRequest request;
    request.setHeader("Authorization", "Bearer " + token);
    FakeCall call;
    return kDescriptor.auth->authenticate(rawState(), call.handle(), request.handle(), &verdict, &principal);
  }

  // The FakeHost keeps its plugin state to itself, so raw calls use a state of their own.
  void* rawState() {
    if (rawState_ == nullptr) {
      FakeCall call;
      EXPECT_EQ(kDescriptor.init(&FakeHost::api(), rawHost_.handle(), call.handle(), &rawState_), GH_OK);
    }
    return rawState_;
  }

  void TearDown() override {
    if (rawState_ != nullptr) {
      kDescriptor.shutdown(rawState_);
    }
  }

  FakeHost host_;
  FakeHost rawHost_;
  void* rawState_ = nullptr;
};

TEST(AuthDescriptor, DescribesAnAuthPlugin) {
  EXPECT_EQ(kDescriptor.kind, GH_KIND_AUTH);
  ASSERT_NE(kDescriptor.auth, nullptr);
  EXPECT_EQ(kDescriptor.auth->struct_size, sizeof(gh_auth_vtable));
  // Not a SignInAuthPlugin: the host offers no browser sign-in through it.
  EXPECT_EQ(kDescriptor.auth->login_start, nullptr);
  EXPECT_EQ(kDescriptor.auth->login_finish, nullptr);
  EXPECT_EQ(kDescriptor.provider, nullptr);
  EXPECT_EQ(kDescriptor.billing, nullptr);
  EXPECT_EQ(gatehouse::testing::descriptorProblem(&kDescriptor), "");
}

TEST_F(AuthPluginTest, AcceptedFillsEveryPrincipalField) {
  FakeRequest request;
  request.setHeader("authorization", "Bearer admin").setPath("/v1/models");
  AuthOutcome outcome;
  ASSERT_EQ(host_.authenticate(request, outcome), GH_OK) << host_.lastError();
  EXPECT_EQ(outcome.verdict, GH_AUTH_ACCEPTED);
  EXPECT_EQ(outcome.role, GH_ROLE_ADMIN);
  EXPECT_EQ(outcome.subject, "user:admin");
  EXPECT_EQ(outcome.team, "team-a");
  EXPECT_EQ(outcome.app, "app-/v1/models");
  EXPECT_EQ(outcome.keyId, "key-17");
  EXPECT_EQ(outcome.scopes, "model:* endpoint:chat");
  EXPECT_EQ(outcome.requestsPerMinute, 60);
  EXPECT_EQ(outcome.tokensPerMinute, 1000);
  EXPECT_EQ(outcome.monthlyBudgetMicroUsd, 25'000'000);
  EXPECT_EQ(host_.lastError(), "");
}

TEST_F(AuthPluginTest, DeniedGivesTheReasonThroughSetError) {
  FakeRequest request;
  request.setHeader("Authorization", "Bearer bad");
  AuthOutcome outcome;
  EXPECT_EQ(host_.authenticate(request, outcome), GH_OK);
  EXPECT_EQ(outcome.verdict, GH_AUTH_DENIED);
  EXPECT_EQ(host_.lastError(), "API key is revoked");
  EXPECT_TRUE(outcome.subject.empty());
}

TEST_F(AuthPluginTest, DeniedWithoutReasonStillExplains) {
  FakeRequest request;
  request.setHeader("Authorization", "Bearer bad-silent");
  AuthOutcome outcome;
  EXPECT_EQ(host_.authenticate(request, outcome), GH_OK);
  EXPECT_EQ(outcome.verdict, GH_AUTH_DENIED);
  EXPECT_EQ(host_.lastError(), "credentials rejected");
}

TEST_F(AuthPluginTest, NotMineWhenNoCredentialsItUnderstands) {
  FakeRequest request;
  request.setHeader("Authorization", "Basic dXNlcjpwdw==");
  AuthOutcome outcome;
  outcome.verdict = GH_AUTH_DENIED;
  EXPECT_EQ(host_.authenticate(request, outcome), GH_OK);
  EXPECT_EQ(outcome.verdict, GH_AUTH_NOT_MINE);
  EXPECT_EQ(host_.lastError(), "");
}

TEST_F(AuthPluginTest, PluginFailureIsAStatusNotAVerdict) {
  FakeRequest request;
  request.setHeader("Authorization", "Bearer store-down");
  AuthOutcome outcome;
  EXPECT_EQ(host_.authenticate(request, outcome), GH_ERROR_INTERNAL);
  EXPECT_EQ(host_.lastError(), "key store unreachable");
}

TEST_F(AuthPluginTest, PrincipalViewsOutliveTheCall) {
  gh_auth_verdict verdict = GH_AUTH_NOT_MINE;
  gh_principal principal{};
  ASSERT_EQ(rawAuthenticate("alice", verdict, principal), GH_OK);
  ASSERT_EQ(verdict, GH_AUTH_ACCEPTED);
  EXPECT_EQ(principal.struct_size, sizeof(gh_principal));
  // The request and the plugin's locals are gone; the views must still read correctly.
  EXPECT_EQ(sdk::view(principal.subject), "user:alice");
  EXPECT_EQ(sdk::view(principal.key_id), "key-17");
  EXPECT_EQ(sdk::view(principal.scopes), "model:* endpoint:chat");
  EXPECT_EQ(principal.requests_per_minute, 60);
  EXPECT_EQ(principal.monthly_budget_micro_usd, 25'000'000);
}

TEST_F(AuthPluginTest, AnotherThreadsCallDoesNotOverwriteThisThreadsPrincipal) {
  gh_auth_verdict verdict = GH_AUTH_NOT_MINE;
  gh_principal mine{};
  ASSERT_EQ(rawAuthenticate("alice", verdict, mine), GH_OK);

  std::string theirs;
  std::thread other([&] {
    gh_auth_verdict otherVerdict = GH_AUTH_NOT_MINE;
    gh_principal principal{};
    if (rawAuthenticate("bob-with-a-much-longer-name-than-alice", otherVerdict, principal) == GH_OK) {
      theirs = std::string(sdk::view(principal.subject));
    }
  });
  other.join();

  EXPECT_EQ(theirs, "user:bob-with-a-much-longer-name-than-alice");
  EXPECT_EQ(sdk::view(mine.subject), "user:alice");
}

TEST_F(AuthPluginTest, NullOutPointersAreRefused) {
  FakeRequest request;
  FakeCall call;
  gh_auth_verdict verdict = GH_AUTH_NOT_MINE;
  EXPECT_EQ(kDescriptor.auth->authenticate(rawState(), call.handle(), request.handle(), &verdict, nullptr),
            GH_ERROR_INVALID_ARGUMENT);
  EXPECT_FALSE(call.message.empty());
}

} // namespace
