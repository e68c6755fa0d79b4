// The built libgatehouse_auth_api_key.so, driven through the SDK's FakeHost exactly as the
// gateway drives it: every verdict, every header, the config, and that the secret never
// shows up in a message or a log line.
#include <gatehouse/testing/fake_host.hpp>
#include <gatehouse/testing/plugin_library.hpp>

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "test_keys.hpp"

namespace {

namespace sdk = gatehouse::sdk;
using gatehouse::plugins::api_key::test_keys::usableKey;
using gatehouse::plugins::api_key::test_keys::wellFormedKey;
using gatehouse::testing::AuthOutcome;
using gatehouse::testing::FakeHost;
using gatehouse::testing::FakeRequest;
using gatehouse::testing::PluginLibrary;

constexpr const char* kInvalid = "Invalid API key.";

class ApiKeyPluginTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_EQ(host_.init(library_.descriptor(), config()), GH_OK) << host_.lastError();
    host_.credentials().add(key_, usableKey());
  }
  virtual std::string config() const { return "{}"; }

  // Authenticates a request carrying `name: value`, expecting the call itself to succeed.
  AuthOutcome authenticate(FakeRequest& request) {
    AuthOutcome outcome;
    EXPECT_EQ(host_.authenticate(request, outcome), GH_OK) << host_.lastError();
    return outcome;
  }
  AuthOutcome authenticateWith(const std::string& name, const std::string& value) {
    FakeRequest request;
    request.setHeader(name, value);
    return authenticate(request);
  }

  // Everything a client or an operator could read: error messages and log lines.
  void expectSecretNowhere(const std::string& secret) {
    const std::string body = secret.size() > 4 ? secret.substr(4) : secret;
    EXPECT_EQ(host_.lastError().find(body), std::string::npos) << host_.lastError();
    for (const auto& line : host_.logs().lines()) {
      EXPECT_EQ(line.message.find(body), std::string::npos) << line.message;
    }
  }

  PluginLibrary library_{GATEHOUSE_API_KEY_PLUGIN_PATH};
  FakeHost host_{"api_key"};
  const std::string key_ = wellFormedKey('k');
};

TEST_F(ApiKeyPluginTest, DescribesItselfAndPassesTheGatewaysHandshake) {
  const gh_plugin_descriptor* descriptor = library_.descriptor();
  EXPECT_EQ(gatehouse::testing::descriptorProblem(descriptor), "");
  EXPECT_EQ(descriptor->kind, GH_KIND_AUTH);
  EXPECT_EQ(sdk::view(descriptor->name), "api_key");
  EXPECT_EQ(sdk::view(descriptor->version), "1.0.0");
  EXPECT_EQ(descriptor->abi_major, GH_ABI_VERSION_MAJOR);
  EXPECT_EQ(descriptor->abi_minor, GH_ABI_VERSION_MINOR);
  EXPECT_FALSE(host_.offersLogin()); // API keys need no browser sign-in
  EXPECT_TRUE(host_.logs().contains("api_key: accepting keys from authorization, x-api-key, x-goog-api-key"));
}

TEST_F(ApiKeyPluginTest, AcceptsABearerKeyAsItsPrincipal) {
  const AuthOutcome outcome = authenticateWith("Authorization", "Bearer " + key_);
  ASSERT_EQ(outcome.verdict, GH_AUTH_ACCEPTED) << host_.lastError();
  EXPECT_EQ(outcome.subject, "user:7");
  EXPECT_EQ(outcome.team, "team-3");
  EXPECT_EQ(outcome.app, "billing-bot");
  EXPECT_EQ(outcome.keyId, "key-1");
  EXPECT_EQ(outcome.scopes, "model:gpt-4o* endpoint:chat");
  EXPECT_EQ(outcome.role, GH_ROLE_MEMBER);
  EXPECT_EQ(outcome.requestsPerMinute, 60);
  EXPECT_EQ(outcome.tokensPerMinute, 90'000);
  EXPECT_EQ(outcome.monthlyBudgetMicroUsd, 5'000'000);
  EXPECT_EQ(host_.credentials().lookups(), std::vector<std::string>{key_});
  EXPECT_EQ(host_.lastError(), "");
}

TEST_F(ApiKeyPluginTest, AcceptsTheKeyInEachSupportedHeader) {
  EXPECT_EQ(authenticateWith("x-api-key", key_).verdict, GH_AUTH_ACCEPTED);
  EXPECT_EQ(authenticateWith("X-Goog-Api-Key", key_).verdict, GH_AUTH_ACCEPTED);
  EXPECT_EQ(authenticateWith("authorization", "bearer " + key_).verdict, GH_AUTH_ACCEPTED);
  EXPECT_EQ(authenticateWith("x-api-key", "  " + key_ + " ").verdict, GH_AUTH_ACCEPTED);
}

TEST_F(ApiKeyPluginTest, AnAdminKeyIsAnAdmin) {
  auto admin = usableKey("key-admin");
  admin.role = GH_ROLE_ADMIN;
  host_.credentials().add(wellFormedKey('a'), admin);
  const AuthOutcome outcome = authenticateWith("x-api-key", wellFormedKey('a'));
  ASSERT_EQ(outcome.verdict, GH_AUTH_ACCEPTED);
  EXPECT_EQ(outcome.role, GH_ROLE_ADMIN);
  EXPECT_EQ(outcome.keyId, "key-admin");
}

TEST_F(ApiKeyPluginTest, CredentialsThatAreNotItsKeysAreForTheNextPlugin) {
  FakeRequest none;
  EXPECT_EQ(authenticate(none).verdict, GH_AUTH_NOT_MINE);
  EXPECT_EQ(authenticateWith("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln").verdict,
            GH_AUTH_NOT_MINE);
  EXPECT_EQ(authenticateWith("Authorization", "Basic dXNlcjpwdw==").verdict, GH_AUTH_NOT_MINE);
  EXPECT_EQ(authenticateWith("Authorization", "Basic " + key_).verdict, GH_AUTH_NOT_MINE);
  EXPECT_EQ(authenticateWith("x-api-key", "sk-ant-something").verdict, GH_AUTH_NOT_MINE);
  EXPECT_EQ(authenticateWith("api-key", key_).verdict, GH_AUTH_NOT_MINE); // not a header it reads
  EXPECT_EQ(host_.lastError(), "");
  EXPECT_TRUE(host_.credentials().lookups().empty());
}

TEST_F(ApiKeyPluginTest, EveryBadKeyIsDeniedWithTheSameWords) {
  auto revoked = usableKey("key-revoked");
  revoked.revokedAtMs = 1;
  auto expired = usableKey("key-expired");
  expired.expiresAtMs = 1; // 1970
  auto disabled = usableKey("key-disabled");
  disabled.disabled = true;
  auto ownerDisabled = usableKey("key-owner-disabled");
  ownerDisabled.ownerDisabled = true;
  host_.credentials()
      .add(wellFormedKey('r'), revoked)
      .add(wellFormedKey('e'), expired)
      .add(wellFormedKey('d'), disabled)
      .add(wellFormedKey('o'), ownerDisabled);
  std::set<std::string> messages;
  for (const std::string& key :
       {wellFormedKey('u'), wellFormedKey('r'), wellFormedKey('e'), wellFormedKey('d'), wellFormedKey('o'),
        std::string("ghk_short"), "ghk_" + std::string(43, '!')}) {
    const AuthOutcome outcome = authenticateWith("Authorization", "Bearer " + key);
    EXPECT_EQ(outcome.verdict, GH_AUTH_DENIED) << key;
    EXPECT_EQ(outcome.subject, "") << key;
    messages.insert(host_.lastError());
    expectSecretNowhere(key);
  }
  EXPECT_EQ(messages, std::set<std::string>{kInvalid}); // nothing tells "no such key" from "revoked"
}

TEST_F(ApiKeyPluginTest, ALaterExpiryIsStillUsable) {
  auto key = usableKey("key-future");
  key.expiresAtMs = 32'503'680'000'000; // year 3000
  host_.credentials().add(wellFormedKey('f'), key);
  EXPECT_EQ(authenticateWith("x-api-key", wellFormedKey('f')).verdict, GH_AUTH_ACCEPTED);
}

TEST_F(ApiKeyPluginTest, ARevocationHoldsOnTheNextRequest) {
  EXPECT_EQ(authenticateWith("x-api-key", key_).verdict, GH_AUTH_ACCEPTED);
  auto revoked = usableKey();
  revoked.revokedAtMs = 1;
  host_.credentials().add(key_, revoked); // what the host's directory now says
  EXPECT_EQ(authenticateWith("x-api-key", key_).verdict, GH_AUTH_DENIED);
  EXPECT_EQ(host_.credentials().lookups().size(), 2u); // asked every time: the plugin caches nothing
}

TEST_F(ApiKeyPluginTest, TheSameKeyInSeveralHeadersIsFine) {
  FakeRequest request;
  request.setHeader("Authorization", "Bearer " + key_).setHeader("x-api-key", key_);
  EXPECT_EQ(authenticate(request).verdict, GH_AUTH_ACCEPTED);
}

TEST_F(ApiKeyPluginTest, DifferentCredentialsInTwoHeadersAreDenied) {
  host_.credentials().add(wellFormedKey('b'), usableKey("key-2"));
  FakeRequest twoKeys;
  twoKeys.setHeader("Authorization", "Bearer " + key_).setHeader("x-goog-api-key", wellFormedKey('b'));
  AuthOutcome outcome = authenticate(twoKeys);
  EXPECT_EQ(outcome.verdict, GH_AUTH_DENIED);
  EXPECT_EQ(
      host_.lastError(),
      "The request carries different credentials in authorization, x-goog-api-key; send a single API key.");
  expectSecretNowhere(key_);
  expectSecretNowhere(wellFormedKey('b'));

  FakeRequest keyAndToken;
  keyAndToken.setHeader("Authorization", "Bearer some-jwt").setHeader("x-api-key", key_);
  outcome = authenticate(keyAndToken);
  EXPECT_EQ(outcome.verdict, GH_AUTH_DENIED);
  EXPECT_EQ(host_.lastError().find("some-jwt"), std::string::npos);
  EXPECT_TRUE(host_.credentials().lookups().empty()); // refused before any lookup
}

TEST_F(ApiKeyPluginTest, AnUnloadedDirectoryIsAFailureOfThePluginNotOfTheClient) {
  host_.credentials().setUnavailable(true);
  FakeRequest request;
  request.setHeader("x-api-key", key_);
  AuthOutcome outcome;
  EXPECT_EQ(host_.authenticate(request, outcome), GH_ERROR_UNAVAILABLE);
  EXPECT_EQ(outcome.verdict, GH_AUTH_NOT_MINE);
  EXPECT_EQ(host_.lastError(), "API keys cannot be checked right now; retry shortly.");
  expectSecretNowhere(key_);
}

TEST_F(ApiKeyPluginTest, TheAcceptedPathLogsNoSecretEither) {
  host_.logs().setLevel(GH_LOG_DEBUG);
  EXPECT_EQ(authenticateWith("Authorization", "Bearer " + key_).verdict, GH_AUTH_ACCEPTED);
  expectSecretNowhere(key_);
}

class ApiKeyPluginRestrictedTest : public ApiKeyPluginTest {
protected:
  std::string config() const override { return R"({"headers":["x-api-key"]})"; }
};

TEST_F(ApiKeyPluginRestrictedTest, ReadsOnlyTheConfiguredHeaders) {
  EXPECT_TRUE(host_.logs().contains("api_key: accepting keys from x-api-key"));
  EXPECT_EQ(authenticateWith("x-api-key", key_).verdict, GH_AUTH_ACCEPTED);
  EXPECT_EQ(authenticateWith("Authorization", "Bearer " + key_).verdict, GH_AUTH_NOT_MINE);
  EXPECT_EQ(authenticateWith("x-goog-api-key", key_).verdict, GH_AUTH_NOT_MINE);
  // What it does not read cannot conflict with what it does.
  FakeRequest request;
  request.setHeader("Authorization", "Bearer other").setHeader("x-api-key", key_);
  EXPECT_EQ(authenticate(request).verdict, GH_AUTH_ACCEPTED);
}

TEST(ApiKeyPluginConfig, ABadConfigFailsStartUp) {
  PluginLibrary library(GATEHOUSE_API_KEY_PLUGIN_PATH);
  for (const char* config :
       {R"({"headers":[]})", R"({"headers":["cookie"]})", R"({"hedaers":["x-api-key"]})", "not json"}) {
    FakeHost host;
    EXPECT_EQ(host.init(library.descriptor(), config), GH_ERROR_CONFIG) << config;
    EXPECT_EQ(host.lastError().rfind("api_key plugin config: ", 0), 0u) << host.lastError();
    EXPECT_FALSE(host.initialised());
  }
}

} // namespace
