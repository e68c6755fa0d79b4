#include <gatehouse/plugin_host/identity.hpp>

#include <gtest/gtest.h>

#include <cstddef>

#include "abi_views.hpp"

namespace gatehouse {
namespace {

using host_testing::kBroken;
using host_testing::lit;

gh_identity sample() {
  gh_identity view{};
  view.struct_size = sizeof view;
  view.role = GH_ROLE_ADMIN;
  view.issuer = lit("https://idp.test");
  view.subject = lit("sub-1");
  view.email = lit("a@example.test");
  view.name = lit("A Person");
  view.teams = lit("blue\nred team");
  view.is_service = 1;
  return view;
}

TEST(Identity, CopiesEveryField) {
  const IdentityClaims claims = fromAbi(sample());
  EXPECT_EQ(claims.role, GH_ROLE_ADMIN);
  EXPECT_EQ(claims.issuer, "https://idp.test");
  EXPECT_EQ(claims.subject, "sub-1");
  EXPECT_EQ(claims.email, "a@example.test");
  EXPECT_EQ(claims.name, "A Person");
  EXPECT_EQ(claims.teams, (std::vector<std::string>{"blue", "red team"}));
  EXPECT_TRUE(claims.isService);
}

TEST(Identity, UnknownRoleIsLeastPrivilege) {
  gh_identity view = sample();
  view.role = 0;
  EXPECT_EQ(fromAbi(view).role, GH_ROLE_MEMBER);
  view.role = 3;
  EXPECT_EQ(fromAbi(view).role, GH_ROLE_MEMBER);
}

TEST(Identity, NullStringPointerReadsAsEmpty) {
  gh_identity view = sample();
  view.name = kBroken;
  view.teams = kBroken;
  const IdentityClaims claims = fromAbi(view);
  EXPECT_EQ(claims.name, "");
  EXPECT_TRUE(claims.teams.empty());
}

TEST(Identity, ReadsOnlyFieldsInsideStructSize) {
  gh_identity view = sample();
  view.struct_size = offsetof(gh_identity, name);
  const IdentityClaims claims = fromAbi(view);
  EXPECT_EQ(claims.subject, "sub-1");
  EXPECT_EQ(claims.email, "a@example.test");
  EXPECT_EQ(claims.name, "");
  EXPECT_TRUE(claims.teams.empty());
  EXPECT_FALSE(claims.isService);
}

TEST(Identity, TeamsSplitOnNewlinesDroppingEmptyNames) {
  EXPECT_TRUE(splitTeams("").empty());
  EXPECT_TRUE(splitTeams("\n\n").empty());
  EXPECT_EQ(splitTeams("one"), std::vector<std::string>{"one"});
  EXPECT_EQ(splitTeams("\nml research\n\nops\n"), (std::vector<std::string>{"ml research", "ops"}));
  // Joined with CRLF by a plugin on another platform: the same teams.
  EXPECT_EQ(splitTeams("a\r\nb\r\n"), (std::vector<std::string>{"a", "b"}));
  // Spaces and commas belong to the name.
  EXPECT_EQ(splitTeams(" x , y "), std::vector<std::string>{" x , y "});
}

} // namespace
} // namespace gatehouse
