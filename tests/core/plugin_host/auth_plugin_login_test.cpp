// Browser sign-in through a real C plugin (tests/abi/directory_auth.c): login_start and
// login_finish round trip, and every way a plugin's answer is refused.
#include <gatehouse/plugin_host/plugin_host.hpp>

#include <gtest/gtest.h>

#include "test_plugins.hpp"

namespace gatehouse {
namespace {

using host_testing::gatewayWith;
using host_testing::pluginEntry;
using host_testing::testPluginPath;

constexpr const char* kRedirect = "https://gw.test/auth/callback";

class AuthPluginLoginTest : public ::testing::Test {
protected:
  void SetUp() override {
    host_ = PluginHost::load(gatewayWith({pluginEntry("sso", testPluginPath("directory_auth")),
                                          pluginEntry("keys", testPluginPath("good_auth"))}));
    ASSERT_EQ(host_->authPlugins().size(), 2u);
  }
  const AuthPlugin& sso() const { return host_->authPlugins()[0]; }
  const AuthPlugin& keys() const { return host_->authPlugins()[1]; }

  std::unique_ptr<PluginHost> host_;
};

TEST_F(AuthPluginLoginTest, OnlyAPluginWithBothCallsOffersLogin) {
  EXPECT_TRUE(sso().offersLogin());
  EXPECT_FALSE(keys().offersLogin());
}

TEST_F(AuthPluginLoginTest, PluginWithoutLoginIsUnsupported) {
  const LoginStartOutcome start = keys().loginStart("s1", kRedirect);
  EXPECT_EQ(start.result.status, GH_ERROR_UNSUPPORTED);
  EXPECT_NE(start.result.message.find("'keys'"), std::string::npos) << start.result.message;
  EXPECT_EQ(start.location, "");
  const LoginFinishOutcome finish = keys().loginFinish(kRedirect, "code=x&state=s1", "verifier:s1");
  EXPECT_EQ(finish.result.status, GH_ERROR_UNSUPPORTED);
  EXPECT_EQ(finish.identity.subject, "");
}

TEST_F(AuthPluginLoginTest, StartAndFinishRoundTrip) {
  const LoginStartOutcome start = sso().loginStart("st4te", kRedirect);
  ASSERT_TRUE(start.result.ok()) << start.result.message;
  EXPECT_EQ(start.location,
            "https://idp.test/authorize?state=st4te&redirect_uri=https://gw.test/auth/callback");
  EXPECT_EQ(start.flow, "verifier:st4te");

  const LoginFinishOutcome finish = sso().loginFinish(kRedirect, "code=admin-jane&state=st4te", start.flow);
  ASSERT_TRUE(finish.result.ok()) << finish.result.message;
  EXPECT_EQ(finish.identity.issuer, "https://idp.test");
  EXPECT_EQ(finish.identity.subject, "admin-jane");
  EXPECT_EQ(finish.identity.email, "admin-jane@example.test");
  EXPECT_EQ(finish.identity.name, "Test User");
  EXPECT_EQ(finish.identity.role, GH_ROLE_ADMIN);
  EXPECT_FALSE(finish.identity.isService);
  // Sent as "team-a\n\nteam b\n": split on newlines, empty names dropped, spaces kept.
  EXPECT_EQ(finish.identity.teams, (std::vector<std::string>{"team-a", "team b"}));
}

TEST_F(AuthPluginLoginTest, IdentityIsCopiedBeforeThePluginsNextCall) {
  const LoginFinishOutcome first = sso().loginFinish(kRedirect, "code=alice&state=a", "verifier:a");
  const LoginFinishOutcome second = sso().loginFinish(kRedirect, "code=bob&state=b", "verifier:b");
  ASSERT_TRUE(first.result.ok() && second.result.ok());
  EXPECT_EQ(first.identity.subject, "alice"); // not overwritten by the plugin's reused storage
  EXPECT_EQ(first.identity.email, "alice@example.test");
  EXPECT_EQ(first.identity.role, GH_ROLE_MEMBER);
  EXPECT_EQ(second.identity.subject, "bob");
}

TEST_F(AuthPluginLoginTest, PluginFailureInStartCarriesItsMessage) {
  const LoginStartOutcome start = sso().loginStart("refuse", kRedirect);
  EXPECT_EQ(start.result.status, GH_ERROR_UNAVAILABLE);
  EXPECT_EQ(start.result.message, "identity provider unreachable");
  EXPECT_EQ(start.location, "");
  EXPECT_EQ(start.flow, "");
}

TEST_F(AuthPluginLoginTest, StartWithoutALocationIsAPluginFailure) {
  const LoginStartOutcome start = sso().loginStart("no-location", kRedirect);
  EXPECT_EQ(start.result.status, GH_ERROR_INTERNAL);
  EXPECT_EQ(start.result.message, "auth plugin 'sso' started a sign-in without a location");
  EXPECT_EQ(start.location, "");
}

TEST_F(AuthPluginLoginTest, OversizedFlowIsAPluginFailure) {
  const LoginStartOutcome start = sso().loginStart("huge-flow", kRedirect);
  EXPECT_EQ(start.result.status, GH_ERROR_INTERNAL);
  EXPECT_EQ(start.result.message, "auth plugin 'sso' wrote a sign-in flow of 5000 bytes (at most 4096)");
  EXPECT_EQ(start.location, "");
  EXPECT_EQ(start.flow, "");
}

TEST_F(AuthPluginLoginTest, RefusedSignInIsUnauthenticatedWithTheReason) {
  LoginFinishOutcome finish = sso().loginFinish(kRedirect, "error=access_denied&state=s", "verifier:s");
  EXPECT_EQ(finish.result.status, GH_ERROR_UNAUTHENTICATED);
  EXPECT_EQ(finish.result.message, "the identity provider refused the sign-in");
  EXPECT_EQ(finish.identity.subject, "");

  finish = sso().loginFinish(kRedirect, "code=mallory&state=other", "verifier:s");
  EXPECT_EQ(finish.result.status, GH_ERROR_UNAUTHENTICATED);
  EXPECT_EQ(finish.result.message, "sign-in state does not match");
}

TEST_F(AuthPluginLoginTest, FinishWithoutASubjectIsAPluginFailure) {
  const LoginFinishOutcome finish = sso().loginFinish(kRedirect, "code=no-subject&state=s", "verifier:s");
  EXPECT_EQ(finish.result.status, GH_ERROR_INTERNAL);
  EXPECT_EQ(finish.result.message, "auth plugin 'sso' finished a sign-in without an issuer and subject");
  EXPECT_EQ(finish.identity.issuer, "");
}

} // namespace
} // namespace gatehouse
