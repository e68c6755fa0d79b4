#include <gatehouse/plugin_host/principal.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>

namespace gatehouse {
namespace {

Principal sample() {
  Principal principal;
  principal.subject = "user:42";
  principal.team = "team-a";
  principal.app = "app";
  principal.keyId = "key-9";
  principal.scopes = "model:*";
  principal.role = GH_ROLE_ADMIN;
  principal.requestsPerMinute = 60;
  principal.tokensPerMinute = 40'000;
  principal.monthlyBudgetMicroUsd = 25'000'000;
  return principal;
}

TEST(Principal, RoundTripsThroughTheAbi) {
  const Principal original = sample();
  const gh_principal view = toAbi(original);
  EXPECT_EQ(view.struct_size, sizeof(gh_principal));
  const Principal copy = fromAbi(view);
  EXPECT_EQ(copy.subject, "user:42");
  EXPECT_EQ(copy.team, "team-a");
  EXPECT_EQ(copy.app, "app");
  EXPECT_EQ(copy.keyId, "key-9");
  EXPECT_EQ(copy.scopes, "model:*");
  EXPECT_EQ(copy.role, GH_ROLE_ADMIN);
  EXPECT_EQ(copy.requestsPerMinute, 60);
  EXPECT_EQ(copy.tokensPerMinute, 40'000);
  EXPECT_EQ(copy.monthlyBudgetMicroUsd, 25'000'000);
}

TEST(Principal, LimitsAreCarriedInTheView) {
  const Principal original = sample();
  const gh_principal view = toAbi(original);
  EXPECT_EQ(view.requests_per_minute, 60);
  EXPECT_EQ(view.tokens_per_minute, 40'000);
  EXPECT_EQ(view.monthly_budget_micro_usd, 25'000'000);
}

TEST(Principal, NegativeLimitsReadAsNoLimit) {
  const Principal original = sample();
  gh_principal view = toAbi(original);
  view.requests_per_minute = -1;
  view.tokens_per_minute = INT64_MIN;
  view.monthly_budget_micro_usd = -25;
  const Principal copy = fromAbi(view);
  EXPECT_EQ(copy.requestsPerMinute, 0);
  EXPECT_EQ(copy.tokensPerMinute, 0);
  EXPECT_EQ(copy.monthlyBudgetMicroUsd, 0);
}

TEST(Principal, LimitsOutsideAnAbi11StructAreAbsent) {
  const Principal original = sample();
  gh_principal view = toAbi(original);
  view.struct_size = offsetof(gh_principal, requests_per_minute); // sizeof(gh_principal) in 1.1
  const Principal copy = fromAbi(view);
  EXPECT_EQ(copy.scopes, "model:*");
  EXPECT_EQ(copy.requestsPerMinute, 0);
  EXPECT_EQ(copy.tokensPerMinute, 0);
  EXPECT_EQ(copy.monthlyBudgetMicroUsd, 0);
  // One limit in, the others out: each field is judged on its own.
  view.struct_size = offsetof(gh_principal, tokens_per_minute);
  EXPECT_EQ(fromAbi(view).requestsPerMinute, 60);
  EXPECT_EQ(fromAbi(view).tokensPerMinute, 0);
}

TEST(Principal, UnknownOrMissingRoleIsLeastPrivilege) {
  const Principal original = sample();
  gh_principal view = toAbi(original);
  view.role = 0;
  EXPECT_EQ(fromAbi(view).role, GH_ROLE_MEMBER);
  view.role = 99;
  EXPECT_EQ(fromAbi(view).role, GH_ROLE_MEMBER);
}

TEST(Principal, NullStringPointerReadsAsEmpty) {
  const Principal original = sample();
  gh_principal view = toAbi(original);
  view.team = gh_str{nullptr, 12};
  EXPECT_EQ(fromAbi(view).team, "");
}

TEST(Principal, ReadsOnlyFieldsInsideStructSize) {
  const Principal original = sample();
  gh_principal view = toAbi(original);
  view.struct_size = offsetof(gh_principal, app); // an older, shorter principal
  const Principal copy = fromAbi(view);
  EXPECT_EQ(copy.subject, "user:42");
  EXPECT_EQ(copy.team, "team-a");
  EXPECT_EQ(copy.app, "");
  EXPECT_EQ(copy.keyId, "");
  EXPECT_EQ(copy.scopes, "");
}

} // namespace
} // namespace gatehouse
