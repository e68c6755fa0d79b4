// sdk::Principal's ABI view and copy, and sdk::PrincipalView: the 1.2 limits travel both
// ways, and a host's or plugin's older, smaller struct reads as "no limit".
#include <gatehouse/sdk/principal.hpp>
#include <gatehouse/sdk/principal_view.hpp>

#include <gtest/gtest.h>

#include <cstddef>

namespace {

namespace sdk = gatehouse::sdk;

sdk::Principal limited() {
  sdk::Principal principal;
  principal.role = GH_ROLE_ADMIN;
  principal.subject = "user:1";
  principal.team = "team-1";
  principal.app = "app";
  principal.keyId = "key-1";
  principal.scopes = "endpoint:chat";
  principal.requestsPerMinute = 10;
  principal.tokensPerMinute = 20;
  principal.monthlyBudgetMicroUsd = 30;
  return principal;
}

TEST(SdkPrincipal, ViewAndCopyRoundTripEveryField) {
  const sdk::Principal principal = limited();
  const gh_principal raw = sdk::detail::principalView(principal);
  EXPECT_EQ(raw.struct_size, sizeof(gh_principal));
  const sdk::Principal copy = sdk::detail::principalFrom(raw);
  EXPECT_EQ(copy.role, GH_ROLE_ADMIN);
  EXPECT_EQ(copy.subject, "user:1");
  EXPECT_EQ(copy.team, "team-1");
  EXPECT_EQ(copy.app, "app");
  EXPECT_EQ(copy.keyId, "key-1");
  EXPECT_EQ(copy.scopes, "endpoint:chat");
  EXPECT_EQ(copy.requestsPerMinute, 10);
  EXPECT_EQ(copy.tokensPerMinute, 20);
  EXPECT_EQ(copy.monthlyBudgetMicroUsd, 30);
}

TEST(SdkPrincipal, AnOlderStructHasNoLimits) {
  const sdk::Principal principal = limited(); // the view borrows its strings: keep it alive
  gh_principal raw = sdk::detail::principalView(principal);
  raw.struct_size = sdk::detail::kPrincipalSize10;
  const sdk::Principal copy = sdk::detail::principalFrom(raw);
  EXPECT_EQ(copy.subject, "user:1");
  EXPECT_EQ(copy.requestsPerMinute, 0);
  EXPECT_EQ(copy.tokensPerMinute, 0);
  EXPECT_EQ(copy.monthlyBudgetMicroUsd, 0);
}

TEST(SdkPrincipal, NegativeLimitsReadAsNoLimit) {
  sdk::Principal principal = limited();
  principal.requestsPerMinute = -1;
  principal.monthlyBudgetMicroUsd = -5;
  const sdk::Principal copy = sdk::detail::principalFrom(sdk::detail::principalView(principal));
  EXPECT_EQ(copy.requestsPerMinute, 0);
  EXPECT_EQ(copy.tokensPerMinute, 20);
  EXPECT_EQ(copy.monthlyBudgetMicroUsd, 0);
}

TEST(SdkPrincipalView, CarriesTheLimits) {
  const sdk::Principal principal = limited();
  const gh_principal raw = sdk::detail::principalView(principal);
  const sdk::PrincipalView view = sdk::PrincipalView::from(&raw);
  EXPECT_EQ(view.subject, "user:1");
  EXPECT_EQ(view.keyId, "key-1");
  EXPECT_EQ(view.requestsPerMinute, 10);
  EXPECT_EQ(view.tokensPerMinute, 20);
  EXPECT_EQ(view.monthlyBudgetMicroUsd, 30);
}

TEST(SdkPrincipalView, AcceptsA10SizedStructWithoutLimitsAndRefusesASmallerOne) {
  const sdk::Principal principal = limited(); // the view borrows its strings: keep it alive
  gh_principal raw = sdk::detail::principalView(principal);
  raw.struct_size = sdk::detail::kPrincipalSize10;
  const sdk::PrincipalView view = sdk::PrincipalView::from(&raw);
  EXPECT_EQ(view.scopes, "endpoint:chat");
  EXPECT_EQ(view.requestsPerMinute, 0);
  EXPECT_EQ(view.monthlyBudgetMicroUsd, 0);
  raw.struct_size = sdk::detail::kPrincipalSize10 - 1;
  EXPECT_THROW(sdk::PrincipalView::from(&raw), sdk::Error);
  EXPECT_EQ(sdk::PrincipalView::from(nullptr).subject, "");
}

} // namespace
