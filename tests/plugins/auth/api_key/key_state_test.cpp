#include <gtest/gtest.h>

#include "key_state.hpp"
#include "test_keys.hpp"

namespace {

using namespace gatehouse::plugins::api_key;
using test_keys::usableKey;

TEST(KeyState, AFreshKeyIsUsable) {
  EXPECT_EQ(stateOf(usableKey(), 1'000), KeyState::Usable);
}

TEST(KeyState, EachRefusalIsNamed) {
  auto revoked = usableKey();
  revoked.revokedAtMs = 500;
  EXPECT_EQ(stateOf(revoked, 1'000), KeyState::Revoked);
  auto expired = usableKey();
  expired.expiresAtMs = 1'000;
  EXPECT_EQ(stateOf(expired, 999), KeyState::Usable);
  EXPECT_EQ(stateOf(expired, 1'000), KeyState::Expired);
  auto disabled = usableKey();
  disabled.disabled = true;
  EXPECT_EQ(stateOf(disabled, 1'000), KeyState::Disabled);
  auto ownerDisabled = usableKey();
  ownerDisabled.ownerDisabled = true;
  EXPECT_EQ(stateOf(ownerDisabled, 1'000), KeyState::OwnerDisabled);
  auto ownerless = usableKey();
  ownerless.owner.clear();
  EXPECT_EQ(stateOf(ownerless, 1'000), KeyState::NoOwner);
}

TEST(KeyState, RevocationWinsOverEverythingElse) {
  auto key = usableKey();
  key.revokedAtMs = 1;
  key.expiresAtMs = 1;
  key.disabled = true;
  key.ownerDisabled = true;
  EXPECT_EQ(stateOf(key, 5), KeyState::Revoked);
}

TEST(KeyState, DescriptionsForTheLog) {
  EXPECT_EQ(describe(KeyState::Usable), "usable");
  EXPECT_EQ(describe(KeyState::Revoked), "revoked");
  EXPECT_EQ(describe(KeyState::Expired), "expired");
  EXPECT_EQ(describe(KeyState::Disabled), "disabled");
  EXPECT_EQ(describe(KeyState::OwnerDisabled), "owner disabled");
  EXPECT_EQ(describe(KeyState::NoOwner), "without owner");
}

} // namespace
