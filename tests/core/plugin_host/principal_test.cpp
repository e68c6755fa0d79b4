#include <gatehouse/plugin_host/principal.hpp>

#include <gtest/gtest.h>

#include <cstddef>

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
