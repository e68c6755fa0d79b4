// sdk::Credential and Host::findCredential (ABI 1.2 credential_find) over the FakeHost's
// key directory: what a key's state means, how a lookup's answer is copied, and how a
// failed lookup surfaces.
#include <gatehouse/sdk/credential.hpp>
#include <gatehouse/sdk/detail/guard.hpp>
#include <gatehouse/sdk/host.hpp>
#include <gatehouse/testing/fake_host.hpp>

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace {

namespace sdk = gatehouse::sdk;
using gatehouse::testing::FakeCall;
using gatehouse::testing::FakeHost;

sdk::Credential sampleKey() {
  sdk::Credential key;
  key.keyId = "key-1";
  key.owner = "user:7";
  key.team = "team-3";
  key.name = "billing-bot";
  key.scopes = "model:gpt-4o* endpoint:chat";
  key.role = GH_ROLE_ADMIN;
  key.expiresAtMs = 2'000'000;
  key.requestsPerMinute = 60;
  key.tokensPerMinute = 90'000;
  key.monthlyBudgetMicroUsd = 5'000'000;
  return key;
}

TEST(SdkCredential, AFreshKeyIsUsable) {
  const sdk::Credential key;
  EXPECT_FALSE(key.revoked());
  EXPECT_FALSE(key.expiredAt(1'000));
  EXPECT_TRUE(key.usableAt(1'000)); // no expiry: never expires
}

TEST(SdkCredential, ExpiryIsExclusive) {
  sdk::Credential key;
  key.expiresAtMs = 5'000;
  EXPECT_TRUE(key.usableAt(4'999));
  EXPECT_FALSE(key.usableAt(5'000));
  EXPECT_TRUE(key.expiredAt(5'001));
}

TEST(SdkCredential, RevokedDisabledOrOwnerDisabledIsNotUsable) {
  sdk::Credential revoked;
  revoked.revokedAtMs = 1;
  EXPECT_TRUE(revoked.revoked());
  EXPECT_FALSE(revoked.usableAt(0));
  sdk::Credential disabled;
  disabled.disabled = true;
  EXPECT_FALSE(disabled.usableAt(0));
  sdk::Credential ownerDisabled;
  ownerDisabled.ownerDisabled = true;
  EXPECT_FALSE(ownerDisabled.usableAt(0));
}

TEST(SdkCredential, ViewAndCopyRoundTripEveryField) {
  sdk::Credential key = sampleKey();
  key.revokedAtMs = 77;
  key.disabled = true;
  key.ownerDisabled = true;
  const gh_credential raw = sdk::detail::credentialView(key);
  EXPECT_EQ(raw.struct_size, sizeof(gh_credential));
  EXPECT_EQ(raw.disabled, 1);
  EXPECT_EQ(raw.owner_disabled, 1);
  const sdk::Credential copy = sdk::detail::credentialFrom(raw);
  EXPECT_EQ(copy.keyId, "key-1");
  EXPECT_EQ(copy.owner, "user:7");
  EXPECT_EQ(copy.team, "team-3");
  EXPECT_EQ(copy.name, "billing-bot");
  EXPECT_EQ(copy.scopes, "model:gpt-4o* endpoint:chat");
  EXPECT_EQ(copy.role, GH_ROLE_ADMIN);
  EXPECT_EQ(copy.expiresAtMs, 2'000'000);
  EXPECT_EQ(copy.revokedAtMs, 77);
  EXPECT_EQ(copy.requestsPerMinute, 60);
  EXPECT_EQ(copy.tokensPerMinute, 90'000);
  EXPECT_EQ(copy.monthlyBudgetMicroUsd, 5'000'000);
  EXPECT_TRUE(copy.disabled);
  EXPECT_TRUE(copy.ownerDisabled);
}

class SdkFindCredential : public ::testing::Test {
protected:
  FakeHost fake_;
  sdk::Host host_{FakeHost::api(), fake_.handle()};
  FakeCall call_;
  sdk::detail::CurrentCallScope scope_{call_.handle()};
};

TEST_F(SdkFindCredential, AKnownSecretGivesItsKeyCopiedOutOfTheHostsViews) {
  fake_.credentials().add("ghk_secret", sampleKey());
  const std::optional<sdk::Credential> found = host_.findCredential("ghk_secret");
  ASSERT_TRUE(found.has_value());
  fake_.credentials().endCall(); // the host's views die; the copy must not
  EXPECT_EQ(found->keyId, "key-1");
  EXPECT_EQ(found->owner, "user:7");
  EXPECT_EQ(found->scopes, "model:gpt-4o* endpoint:chat");
  EXPECT_EQ(found->role, GH_ROLE_ADMIN);
  EXPECT_EQ(found->monthlyBudgetMicroUsd, 5'000'000);
  EXPECT_EQ(fake_.credentials().lookups(), std::vector<std::string>{"ghk_secret"});
}

TEST_F(SdkFindCredential, AnUnknownSecretIsNotAnError) {
  fake_.credentials().add("ghk_other", sampleKey());
  EXPECT_FALSE(host_.findCredential("ghk_unknown").has_value());
}

TEST_F(SdkFindCredential, AFailedLookupThrowsTheHostsStatusAndMessage) {
  fake_.credentials().add("ghk_secret", sampleKey()).setUnavailable(true);
  try {
    host_.findCredential("ghk_secret");
    FAIL() << "no error";
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_UNAVAILABLE);
    EXPECT_EQ(std::string(error.what()), "the API key directory has not loaded yet");
  }
  fake_.credentials().setUnavailable(false);
  EXPECT_TRUE(host_.findCredential("ghk_secret").has_value());
}

TEST_F(SdkFindCredential, AHostTableWithoutTheSlotIsRefusedWithoutReadingPastIt) {
  gh_host_api shortTable = FakeHost::api();
  shortTable.struct_size = offsetof(gh_host_api, credential_find); // a 1.1 host's table
  const sdk::Host oldHost(shortTable, fake_.handle());
  try {
    oldHost.findCredential("ghk_secret");
    FAIL() << "no error";
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_UNSUPPORTED);
    EXPECT_NE(std::string(error.what()).find("credential_find"), std::string::npos) << error.what();
  }
  gh_host_api hole = FakeHost::api();
  hole.credential_find = nullptr;
  EXPECT_THROW(sdk::Host(hole, fake_.handle()).findCredential("k"), sdk::Error);
  EXPECT_TRUE(fake_.credentials().lookups().empty());
}

} // namespace
