// A real C auth plugin (tests/abi/directory_auth.c) over the services PluginHost::load was
// given: API keys through credential_find, identity-provider tokens through identity_resolve.
#include <gatehouse/plugin_host/plugin_host.hpp>

#include <gtest/gtest.h>

#include "fake_client_request.hpp"
#include "fake_host_services.hpp"
#include "test_plugins.hpp"

namespace gatehouse {
namespace {

using host_testing::FakeClientRequest;
using host_testing::FakeCredentialDirectory;
using host_testing::FakeIdentityResolver;
using host_testing::gatewayWith;
using host_testing::pluginEntry;
using host_testing::sampleKey;
using host_testing::testPluginPath;

constexpr const char* kSecret = "ghk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

class AuthPluginDirectoryTest : public ::testing::Test {
protected:
  void SetUp() override {
    directory_.keys[kSecret] = sampleKey();
    load(HostServices{&directory_, &resolver_, {}});
  }
  void load(HostServices services) {
    host_.reset();
    host_ = PluginHost::load(gatewayWith({pluginEntry("sso", testPluginPath("directory_auth"))}), services);
  }
  AuthOutcome ask(std::map<std::string, std::string> headers) {
    FakeClientRequest request;
    request.headers = std::move(headers);
    return host_->authPlugins().front().authenticate(request);
  }

  FakeCredentialDirectory directory_;
  FakeIdentityResolver resolver_;
  std::unique_ptr<PluginHost> host_;
};

TEST_F(AuthPluginDirectoryTest, KnownKeyBecomesItsOwnersPrincipalWithLimits) {
  const AuthOutcome outcome = ask({{"x-api-key", kSecret}});
  ASSERT_TRUE(outcome.result.ok()) << outcome.result.message;
  ASSERT_EQ(outcome.verdict, GH_AUTH_ACCEPTED);
  EXPECT_EQ(outcome.subject, "user_7");
  EXPECT_EQ(outcome.team, "team_3");
  EXPECT_EQ(outcome.app, "batch-jobs");
  EXPECT_EQ(outcome.keyId, "key_1");
  EXPECT_EQ(outcome.scopes, "model:gpt-4o* endpoint:chat");
  EXPECT_EQ(outcome.role, GH_ROLE_ADMIN);
  EXPECT_EQ(outcome.requestsPerMinute, 60);
  EXPECT_EQ(outcome.tokensPerMinute, 90'000);
  EXPECT_EQ(outcome.monthlyBudgetMicroUsd, 50'000'000);
  EXPECT_EQ(directory_.asked, std::vector<std::string>{kSecret});
}

TEST_F(AuthPluginDirectoryTest, UnknownAndRevokedKeysAreDeniedAlike) {
  CredentialRecord revoked = sampleKey("key_r");
  revoked.revokedAtMs = 1;
  directory_.keys["ghk_revoked"] = revoked;
  CredentialRecord switchedOff = sampleKey("key_s");
  switchedOff.disabled = true;
  directory_.keys["ghk_switched_off"] = switchedOff;
  const AuthOutcome unknown = ask({{"x-api-key", "ghk_unknown"}});
  const AuthOutcome gone = ask({{"x-api-key", "ghk_revoked"}});
  const AuthOutcome off = ask({{"x-api-key", "ghk_switched_off"}});
  EXPECT_EQ(unknown.verdict, GH_AUTH_DENIED);
  EXPECT_EQ(gone.verdict, GH_AUTH_DENIED);
  EXPECT_EQ(off.verdict, GH_AUTH_DENIED);
  EXPECT_EQ(unknown.denyReason, "invalid API key");
  EXPECT_EQ(gone.denyReason, unknown.denyReason);
  EXPECT_EQ(off.denyReason, unknown.denyReason);
}

TEST_F(AuthPluginDirectoryTest, DirectoryNotLoadedIsAPluginFailure) {
  directory_.loaded = false;
  const AuthOutcome outcome = ask({{"x-api-key", kSecret}});
  EXPECT_EQ(outcome.result.status, GH_ERROR_UNAVAILABLE);
  EXPECT_EQ(outcome.verdict, GH_AUTH_NOT_MINE);
  EXPECT_EQ(outcome.result.message.find(kSecret), std::string::npos);
}

TEST_F(AuthPluginDirectoryTest, HostWithoutServicesAnswersUnavailable) {
  load(HostServices{});
  EXPECT_EQ(ask({{"x-api-key", kSecret}}).result.status, GH_ERROR_UNAVAILABLE);
  EXPECT_EQ(ask({{"x-identity", "svc-1"}}).result.status, GH_ERROR_UNAVAILABLE);
  EXPECT_TRUE(directory_.asked.empty());
  EXPECT_TRUE(resolver_.asked.empty());
}

TEST_F(AuthPluginDirectoryTest, IdentityBecomesTheResolvedUsersPrincipal) {
  resolver_.answer.subject = "user_12";
  resolver_.answer.team = "team_9";
  resolver_.answer.role = GH_ROLE_ADMIN;
  const AuthOutcome outcome = ask({{"x-identity", "svc-1"},
                                   {"x-teams", "platform,ml research"},
                                   {"x-role", "admin"},
                                   {"x-service", "1"},
                                   {"x-email", "svc@example.test"}});
  ASSERT_TRUE(outcome.result.ok()) << outcome.result.message;
  ASSERT_EQ(outcome.verdict, GH_AUTH_ACCEPTED);
  EXPECT_EQ(outcome.subject, "user_12");
  EXPECT_EQ(outcome.team, "team_9");
  EXPECT_EQ(outcome.role, GH_ROLE_ADMIN);
  ASSERT_EQ(resolver_.asked.size(), 1u);
  EXPECT_EQ(resolver_.asked[0].issuer, "https://idp.test");
  EXPECT_EQ(resolver_.asked[0].subject, "svc-1");
  EXPECT_EQ(resolver_.asked[0].email, "svc@example.test");
  EXPECT_EQ(resolver_.asked[0].teams, (std::vector<std::string>{"platform", "ml research"}));
  EXPECT_EQ(resolver_.asked[0].role, GH_ROLE_ADMIN);
  EXPECT_TRUE(resolver_.asked[0].isService);
}

TEST_F(AuthPluginDirectoryTest, DisabledUserIsDeniedWithTheHostsReason) {
  resolver_.error = IdentityError(GH_ERROR_PERMISSION_DENIED, "this account is disabled");
  const AuthOutcome outcome = ask({{"x-identity", "jane"}});
  EXPECT_TRUE(outcome.result.ok());
  EXPECT_EQ(outcome.verdict, GH_AUTH_DENIED);
  EXPECT_EQ(outcome.denyReason, "this account is disabled");
}

TEST_F(AuthPluginDirectoryTest, StoreDownIsAPluginFailure) {
  resolver_.throwOther = true;
  const AuthOutcome outcome = ask({{"x-identity", "jane"}});
  EXPECT_EQ(outcome.result.status, GH_ERROR_UNAVAILABLE);
  EXPECT_EQ(outcome.result.message.find("hunter2"), std::string::npos) << outcome.result.message;
}

} // namespace
} // namespace gatehouse
