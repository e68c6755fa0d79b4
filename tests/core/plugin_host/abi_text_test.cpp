#include <gatehouse/plugin_host/abi_text.hpp>

#include <gtest/gtest.h>

namespace gatehouse {
namespace {

TEST(AbiText, NamesEveryStatus) {
  EXPECT_EQ(statusName(GH_OK), "ok");
  EXPECT_EQ(statusName(GH_ERROR_INVALID_ARGUMENT), "invalid_argument");
  EXPECT_EQ(statusName(GH_ERROR_UPSTREAM), "upstream");
  EXPECT_EQ(statusName(GH_ERROR_CONFIG), "config");
  EXPECT_EQ(statusName(GH_ERROR_UPSTREAM_TIMEOUT), "upstream_timeout");
  for (gh_status status = GH_OK; status <= GH_ERROR_UPSTREAM_TIMEOUT; ++status) {
    EXPECT_TRUE(isKnownStatus(status)) << status;
    EXPECT_NE(statusName(status), "unknown") << status;
  }
}

TEST(AbiText, UnknownStatusIsUnknown) {
  EXPECT_FALSE(isKnownStatus(-1));
  EXPECT_FALSE(isKnownStatus(GH_ERROR_UPSTREAM_TIMEOUT + 1));
  EXPECT_EQ(statusName(42), "unknown");
}

TEST(AbiText, NamesKinds) {
  EXPECT_EQ(kindName(GH_KIND_PROVIDER), "provider");
  EXPECT_EQ(kindName(GH_KIND_AUTH), "auth");
  EXPECT_EQ(kindName(GH_KIND_BILLING), "billing");
  EXPECT_EQ(kindName(0), "unknown");
  EXPECT_EQ(kindName(4), "unknown");
}

} // namespace
} // namespace gatehouse
