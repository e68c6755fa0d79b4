// copyInto writes only the fields inside the reader's struct_size, as a host must.
#include <gatehouse/testing/abi_struct.hpp>

#include <gtest/gtest.h>

#include <cstddef>

namespace {

using gatehouse::testing::copyInto;

TEST(AbiStruct, CopiesEverythingIntoAFullSizedStruct) {
  gh_principal full{};
  full.struct_size = sizeof full;
  full.role = GH_ROLE_ADMIN;
  full.tokens_per_minute = 7;
  gh_principal out{};
  out.struct_size = sizeof out;
  copyInto(full, out);
  EXPECT_EQ(out.role, GH_ROLE_ADMIN);
  EXPECT_EQ(out.tokens_per_minute, 7);
}

TEST(AbiStruct, LeavesFieldsPastASmallerStructSizeAlone) {
  gh_principal full{};
  full.struct_size = sizeof full;
  full.role = GH_ROLE_ADMIN;
  full.requests_per_minute = 5;
  gh_principal out{};
  out.struct_size = offsetof(gh_principal, requests_per_minute);
  out.requests_per_minute = -99; // stands for memory the older writer does not own
  copyInto(full, out);
  EXPECT_EQ(out.role, GH_ROLE_ADMIN);
  EXPECT_EQ(out.requests_per_minute, -99);
  EXPECT_EQ(out.struct_size, offsetof(gh_principal, requests_per_minute));
}

TEST(AbiStruct, AStructSizeCoveringNothingCopiesNothing) {
  gh_principal full{};
  full.struct_size = sizeof full;
  full.role = GH_ROLE_ADMIN;
  gh_principal out{};
  out.struct_size = 0;
  copyInto(full, out);
  EXPECT_EQ(out.role, 0);
}

} // namespace
