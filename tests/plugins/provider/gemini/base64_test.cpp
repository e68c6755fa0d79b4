#include <gtest/gtest.h>

#include "base64.hpp"

namespace gatehouse::plugins::gemini {
namespace {

TEST(Base64Test, EncodesTheRfc4648TestVectors) {
  EXPECT_EQ(base64Encode(""), "");
  EXPECT_EQ(base64Encode("f"), "Zg==");
  EXPECT_EQ(base64Encode("fo"), "Zm8=");
  EXPECT_EQ(base64Encode("foo"), "Zm9v");
  EXPECT_EQ(base64Encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64Encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64Encode("foobar"), "Zm9vYmFy");
}

TEST(Base64Test, EncodesEveryByteValue) {
  EXPECT_EQ(base64Encode(std::string("\x00\xff\xfe", 3)), "AP/+");
  EXPECT_EQ(base64Encode(std::string("\xfb\xff", 2)), "+/8=");
}

} // namespace
} // namespace gatehouse::plugins::gemini
