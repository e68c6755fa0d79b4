#include <gtest/gtest.h>

#include "key_principal.hpp"
#include "test_keys.hpp"

namespace {

using namespace gatehouse::plugins::api_key;
using test_keys::usableKey;

TEST(KeyPrincipal, CarriesEveryFieldOfTheKey) {
  auto key = usableKey("key-42");
  key.role = GH_ROLE_ADMIN;
  const auto principal = principalOf(key);
  EXPECT_EQ(principal.subject, "user:7");
  EXPECT_EQ(principal.team, "team-3");
  EXPECT_EQ(principal.app, "billing-bot");
  EXPECT_EQ(principal.keyId, "key-42");
  EXPECT_EQ(principal.scopes, "model:gpt-4o* endpoint:chat");
  EXPECT_EQ(principal.role, GH_ROLE_ADMIN);
  EXPECT_EQ(principal.requestsPerMinute, 60);
  EXPECT_EQ(principal.tokensPerMinute, 90'000);
  EXPECT_EQ(principal.monthlyBudgetMicroUsd, 5'000'000);
}

TEST(KeyPrincipal, AnUnknownRoleIsMember) {
  auto key = usableKey();
  key.role = 7;
  EXPECT_EQ(principalOf(key).role, GH_ROLE_MEMBER);
  key.role = 0;
  EXPECT_EQ(principalOf(key).role, GH_ROLE_MEMBER);
}

TEST(KeyPrincipal, NegativeLimitsAreNoLimits) {
  auto key = usableKey();
  key.requestsPerMinute = -1;
  key.tokensPerMinute = -2;
  key.monthlyBudgetMicroUsd = -3;
  const auto principal = principalOf(key);
  EXPECT_EQ(principal.requestsPerMinute, 0);
  EXPECT_EQ(principal.tokensPerMinute, 0);
  EXPECT_EQ(principal.monthlyBudgetMicroUsd, 0);
}

} // namespace
