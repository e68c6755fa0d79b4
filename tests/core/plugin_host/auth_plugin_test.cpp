#include <gatehouse/plugin_host/plugin_host.hpp>

#include <gtest/gtest.h>

#include "fake_client_request.hpp"
#include "test_plugins.hpp"

namespace gatehouse {
namespace {

using host_testing::FakeClientRequest;
using host_testing::gatewayWith;
using host_testing::pluginEntry;
using host_testing::testPluginPath;

class AuthPluginTest : public ::testing::Test {
protected:
  void SetUp() override {
    host_ = PluginHost::load(gatewayWith({pluginEntry("keys", testPluginPath("good_auth"))}));
    ASSERT_EQ(host_->authPlugins().size(), 1u);
  }

  AuthOutcome authenticate(const std::string& authorization) {
    if (!authorization.empty()) {
      request_.headers["authorization"] = authorization;
    }
    return host_->authPlugins().front().authenticate(request_);
  }

  std::unique_ptr<PluginHost> host_;
  FakeClientRequest request_;
};

TEST_F(AuthPluginTest, Name) {
  EXPECT_EQ(host_->authPlugins().front().name(), "keys");
}

TEST_F(AuthPluginTest, AcceptedCopiesThePrincipal) {
  const AuthOutcome outcome = authenticate("Bearer good");
  ASSERT_TRUE(outcome.result.ok()) << outcome.result.message;
  EXPECT_EQ(outcome.verdict, GH_AUTH_ACCEPTED);
  EXPECT_EQ(outcome.subject, "user:good");
  EXPECT_EQ(outcome.team, "team-a");
  EXPECT_EQ(outcome.app, "test-app");
  EXPECT_EQ(outcome.keyId, "key-1");
  EXPECT_EQ(outcome.scopes, "model:* endpoint:chat");
  EXPECT_EQ(outcome.role, GH_ROLE_ADMIN);
  EXPECT_EQ(outcome.denyReason, "");
}

TEST_F(AuthPluginTest, DeniedCarriesTheReason) {
  const AuthOutcome outcome = authenticate("Bearer bad");
  EXPECT_TRUE(outcome.result.ok());
  EXPECT_EQ(outcome.verdict, GH_AUTH_DENIED);
  EXPECT_EQ(outcome.denyReason, "token has been revoked");
  EXPECT_EQ(outcome.subject, "");
}

TEST_F(AuthPluginTest, OtherCredentialsAreNotMine) {
  EXPECT_EQ(authenticate("Basic dXNlcjpwYXNz").verdict, GH_AUTH_NOT_MINE);
  EXPECT_EQ(authenticate("").verdict, GH_AUTH_NOT_MINE);
}

TEST_F(AuthPluginTest, PluginFailureIsAResultNotAVerdict) {
  const AuthOutcome outcome = authenticate("Bearer broken");
  EXPECT_EQ(outcome.result.status, GH_ERROR_UNAVAILABLE);
  EXPECT_EQ(outcome.result.message, "token store unreachable");
  EXPECT_EQ(outcome.verdict, GH_AUTH_NOT_MINE);
}

TEST_F(AuthPluginTest, ThrowingRequestReadsAsNoCredentials) {
  request_.throwEverywhere = true;
  EXPECT_EQ(authenticate("Bearer good").verdict, GH_AUTH_NOT_MINE);
}

TEST_F(AuthPluginTest, PluginStaysUsableAfterTheHostIsGone) {
  const AuthPlugin copy = host_->authPlugins().front();
  host_.reset();
  request_.headers["authorization"] = "Bearer good";
  EXPECT_EQ(copy.authenticate(request_).verdict, GH_AUTH_ACCEPTED);
}

} // namespace
} // namespace gatehouse
