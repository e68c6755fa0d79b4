// The decision itself, with the clock in the test's hands: expiry boundaries, and what
// reaches the operator's log for each refusal.
#include <gatehouse/sdk/detail/guard.hpp>
#include <gatehouse/testing/fake_host.hpp>

#include <gtest/gtest.h>

#include <string>

#include "api_key_authenticator.hpp"
#include "test_keys.hpp"

namespace {

using namespace gatehouse::plugins::api_key;
namespace sdk = gatehouse::sdk;
using gatehouse::testing::FakeCall;
using gatehouse::testing::FakeHost;
using gatehouse::testing::FakeRequest;
using test_keys::usableKey;
using test_keys::wellFormedKey;

class ApiKeyAuthenticatorTest : public ::testing::Test {
protected:
  sdk::AuthDecision decide(const std::string& key, std::int64_t nowMs) {
    FakeRequest fake;
    fake.setHeader("Authorization", "Bearer " + key);
    const sdk::Request request(FakeHost::api(), fake.handle());
    return authenticator_.authenticate(request, nowMs);
  }

  FakeHost fake_;
  sdk::Host host_{FakeHost::api(), fake_.handle()};
  FakeCall call_;
  sdk::detail::CurrentCallScope scope_{call_.handle()};
  ApiKeyAuthenticator authenticator_{host_, ApiKeyConfig{}};
  const std::string key_ = wellFormedKey('k');
};

TEST_F(ApiKeyAuthenticatorTest, AKeyExpiresAtItsExpiryInstant) {
  auto key = usableKey("key-exp");
  key.expiresAtMs = 1'700'000'000'000;
  fake_.credentials().add(key_, key);
  EXPECT_EQ(decide(key_, 1'699'999'999'999).verdict(), GH_AUTH_ACCEPTED);
  const sdk::AuthDecision expired = decide(key_, 1'700'000'000'000);
  EXPECT_EQ(expired.verdict(), GH_AUTH_DENIED);
  EXPECT_EQ(expired.reason(), kInvalidApiKey);
  EXPECT_TRUE(fake_.logs().contains("API key key-exp refused: expired"));
}

TEST_F(ApiKeyAuthenticatorTest, EachRefusalIsLoggedByKeyIdWithItsReason) {
  auto revoked = usableKey("key-rev");
  revoked.revokedAtMs = 10;
  auto disabled = usableKey("key-off");
  disabled.disabled = true;
  auto ownerDisabled = usableKey("key-own");
  ownerDisabled.ownerDisabled = true;
  fake_.credentials()
      .add(wellFormedKey('r'), revoked)
      .add(wellFormedKey('d'), disabled)
      .add(wellFormedKey('o'), ownerDisabled);
  EXPECT_EQ(decide(wellFormedKey('r'), 100).verdict(), GH_AUTH_DENIED);
  EXPECT_EQ(decide(wellFormedKey('d'), 100).verdict(), GH_AUTH_DENIED);
  EXPECT_EQ(decide(wellFormedKey('o'), 100).verdict(), GH_AUTH_DENIED);
  EXPECT_TRUE(fake_.logs().contains("API key key-rev refused: revoked"));
  EXPECT_TRUE(fake_.logs().contains("API key key-off refused: disabled"));
  EXPECT_TRUE(fake_.logs().contains("API key key-own refused: owner disabled"));
}

TEST_F(ApiKeyAuthenticatorTest, UnknownAndMalformedKeysAreLoggedWithoutTheKey) {
  EXPECT_EQ(decide(key_, 100).verdict(), GH_AUTH_DENIED);
  EXPECT_EQ(decide("ghk_tooshort", 100).verdict(), GH_AUTH_DENIED);
  EXPECT_TRUE(fake_.logs().contains("API key refused: unknown"));
  EXPECT_TRUE(fake_.logs().contains("API key refused: malformed"));
  EXPECT_FALSE(fake_.logs().contains("tooshort"));
  EXPECT_FALSE(fake_.logs().contains(key_.substr(4)));
  // The malformed one never reached the directory.
  EXPECT_EQ(fake_.credentials().lookups(), std::vector<std::string>{key_});
}

TEST_F(ApiKeyAuthenticatorTest, ADirectoryFailureIsThePluginsFailureNotADenial) {
  fake_.credentials().setUnavailable(true);
  try {
    decide(key_, 100);
    FAIL() << "no error";
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_UNAVAILABLE);
    EXPECT_EQ(std::string(error.what()), "API keys cannot be checked right now; retry shortly.");
  }
  EXPECT_TRUE(
      fake_.logs().contains("API key lookup failed (status 6): the API key directory has not loaded yet"));
}

// A host that (against its contract) echoed the secret in its error: the log withholds it.
gh_status echoingFind(gh_host*, gh_call* call, gh_str secret, gh_credential*) {
  const std::string message = "no luck with " + std::string(sdk::view(secret));
  FakeHost::api().set_error(call, sdk::ghStr(message));
  return GH_ERROR_INTERNAL;
}

TEST_F(ApiKeyAuthenticatorTest, AHostMessageContainingTheSecretIsNotLogged) {
  gh_host_api echoing = FakeHost::api();
  echoing.credential_find = &echoingFind;
  const sdk::Host host(echoing, fake_.handle());
  const ApiKeyAuthenticator authenticator(host, ApiKeyConfig{});
  FakeRequest fake;
  fake.setHeader("x-api-key", key_);
  const sdk::Request request(FakeHost::api(), fake.handle());
  try {
    authenticator.authenticate(request, 100);
    FAIL() << "no error";
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_INTERNAL);
    EXPECT_EQ(std::string(error.what()).find(key_), std::string::npos);
  }
  EXPECT_TRUE(fake_.logs().contains("(message withheld)"));
  EXPECT_FALSE(fake_.logs().contains(key_));
}

} // namespace
