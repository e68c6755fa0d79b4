#include <gatehouse/plugin_host/credential.hpp>

#include <gtest/gtest.h>

#include "abi_views.hpp"
#include "fake_host_services.hpp"

namespace gatehouse {
namespace {

using host_testing::sampleKey;
using host_testing::text;

TEST(Credential, ViewCarriesEveryField) {
  const CredentialRecord key = sampleKey();
  const gh_credential view = toAbi(key);
  EXPECT_EQ(view.struct_size, sizeof(gh_credential));
  EXPECT_EQ(view.role, GH_ROLE_ADMIN);
  EXPECT_EQ(text(view.key_id), "key_1");
  EXPECT_EQ(text(view.owner), "user_7");
  EXPECT_EQ(text(view.team), "team_3");
  EXPECT_EQ(text(view.name), "batch-jobs");
  EXPECT_EQ(text(view.scopes), "model:gpt-4o* endpoint:chat");
  EXPECT_EQ(view.expires_at_ms, 1'900'000'000'000);
  EXPECT_EQ(view.revoked_at_ms, 0);
  EXPECT_EQ(view.requests_per_minute, 60);
  EXPECT_EQ(view.tokens_per_minute, 90'000);
  EXPECT_EQ(view.monthly_budget_micro_usd, 50'000'000);
  EXPECT_EQ(view.owner_disabled, 0);
  EXPECT_EQ(view.disabled, 0);
  // Borrowed, not copied.
  EXPECT_EQ(view.key_id.ptr, key.keyId.data());
}

TEST(Credential, DisabledOwnerAndDisabledKeyAreTold) {
  CredentialRecord key = sampleKey();
  key.ownerDisabled = true;
  EXPECT_EQ(toAbi(key).owner_disabled, 1);
  EXPECT_EQ(toAbi(key).disabled, 0);
  key.ownerDisabled = false;
  key.disabled = true;
  EXPECT_EQ(toAbi(key).owner_disabled, 0);
  EXPECT_EQ(toAbi(key).disabled, 1);
}

} // namespace
} // namespace gatehouse
