#include <gtest/gtest.h>

#include "encoding.hpp"

namespace gatehouse::mock {
namespace {

TEST(Utf8, AcceptsValidText) {
  EXPECT_TRUE(isValidUtf8(""));
  EXPECT_TRUE(isValidUtf8("plain ascii"));
  EXPECT_TRUE(isValidUtf8("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80")); // é € 😀
}

TEST(Utf8, RejectsInvalidSequences) {
  EXPECT_FALSE(isValidUtf8("\xC3"));             // truncated
  EXPECT_FALSE(isValidUtf8("\x80"));             // stray continuation
  EXPECT_FALSE(isValidUtf8("\xC0\xAF"));         // overlong '/'
  EXPECT_FALSE(isValidUtf8("\xED\xA0\x80"));     // surrogate
  EXPECT_FALSE(isValidUtf8("\xF4\x90\x80\x80")); // past U+10FFFF
  EXPECT_FALSE(isValidUtf8(std::string("RIFF\0\xFF", 6)));
}

TEST(Utf8, BoundaryNeverSplitsACharacter) {
  std::string text = "a\xE2\x82\xAC"
                     "b"; // a € b
  EXPECT_EQ(utf8Boundary(text, 0), 0u);
  EXPECT_EQ(utf8Boundary(text, 1), 1u);
  EXPECT_EQ(utf8Boundary(text, 2), 1u);
  EXPECT_EQ(utf8Boundary(text, 3), 1u);
  EXPECT_EQ(utf8Boundary(text, 4), 4u);
  EXPECT_EQ(utf8Boundary(text, 99), text.size());
}

TEST(Base64, MatchesRfc4648Vectors) {
  EXPECT_EQ(base64Encode(""), "");
  EXPECT_EQ(base64Encode("f"), "Zg==");
  EXPECT_EQ(base64Encode("fo"), "Zm8=");
  EXPECT_EQ(base64Encode("foo"), "Zm9v");
  EXPECT_EQ(base64Encode("foob"), "Zm9vYg==");
  EXPECT_EQ(base64Encode("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64Encode("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64Encode(std::string("\xFF\xFE\x00", 3)), "//4A");
}

} // namespace
} // namespace gatehouse::mock
