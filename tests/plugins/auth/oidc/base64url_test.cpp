#include <gtest/gtest.h>

#include "base64url.hpp"

namespace gatehouse::plugins::oidc {
namespace {

TEST(Base64Url, EncodesRfc4648VectorsWithoutPadding) {
  EXPECT_EQ(base64UrlEncode(""), "");
  EXPECT_EQ(base64UrlEncode("f"), "Zg");
  EXPECT_EQ(base64UrlEncode("fo"), "Zm8");
  EXPECT_EQ(base64UrlEncode("foo"), "Zm9v");
  EXPECT_EQ(base64UrlEncode("foobar"), "Zm9vYmFy");
  // The two characters where base64url differs from base64.
  EXPECT_EQ(base64UrlEncode("\xfb\xff"), "-_8");
}

TEST(Base64Url, DecodesWhatItEncodes) {
  std::string all;
  for (int i = 0; i < 256; ++i) {
    all += static_cast<char>(i);
  }
  for (std::size_t length = 0; length <= all.size(); length += 37) {
    const std::string bytes = all.substr(0, length);
    EXPECT_EQ(base64UrlDecode(base64UrlEncode(bytes)), bytes) << length;
  }
}

TEST(Base64Url, RefusesEverythingButTheCanonicalSpelling) {
  EXPECT_FALSE(base64UrlDecode("Zg==")) << "padding";
  EXPECT_FALSE(base64UrlDecode("+/8")) << "the base64 alphabet";
  EXPECT_FALSE(base64UrlDecode("Zm 9v")) << "whitespace";
  EXPECT_FALSE(base64UrlDecode("Zm9vY")) << "a length that leaves one character";
  EXPECT_FALSE(base64UrlDecode("Zh")) << "non-zero unused bits: Zg is the only spelling of 'f'";
  EXPECT_EQ(base64UrlDecode("Zg"), "f");
}

TEST(Base64Url, RecognisesItsAlphabet) {
  EXPECT_TRUE(isBase64UrlText("abcXYZ019-_"));
  EXPECT_TRUE(isBase64UrlText(""));
  EXPECT_FALSE(isBase64UrlText("ab.c"));
  EXPECT_FALSE(isBase64UrlText("ab="));
}

TEST(Base64, EncodesWithPaddingAndTheStandardAlphabet) {
  EXPECT_EQ(base64Encode("f"), "Zg==");
  EXPECT_EQ(base64Encode("fo"), "Zm8=");
  EXPECT_EQ(base64Encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64Encode("\xfb\xff"), "+/8=");
  // RFC 7617's example credentials.
  EXPECT_EQ(base64Encode("Aladdin:open sesame"), "QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
}

} // namespace
} // namespace gatehouse::plugins::oidc
