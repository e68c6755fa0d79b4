#include <gatehouse/sdk/error.hpp>
#include <gatehouse/sdk/str.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

namespace sdk = gatehouse::sdk;

TEST(SdkError, KeepsStatusAndMessage) {
  const sdk::Error error(GH_ERROR_RESOURCE_EXHAUSTED, "monthly budget used up");
  EXPECT_EQ(error.status(), GH_ERROR_RESOURCE_EXHAUSTED);
  EXPECT_STREQ(error.what(), "monthly budget used up");
}

TEST(SdkError, OkStatusBecomesInternalSoAThrowNeverReportsSuccess) {
  EXPECT_EQ(sdk::Error(GH_OK, "x").status(), GH_ERROR_INTERNAL);
}

TEST(SdkStr, NullViewIsEmptyAndRoundTripsBorrowedText) {
  EXPECT_TRUE(sdk::view(gh_str{nullptr, 0}).empty());
  const std::string text = "hello";
  const gh_str borrowed = sdk::ghStr(text);
  EXPECT_EQ(borrowed.ptr, text.data());
  EXPECT_EQ(borrowed.len, 5u);
  EXPECT_EQ(sdk::view(borrowed), "hello");
}

} // namespace
