#include <gatehouse/store/utf8_text.hpp>

#include <gtest/gtest.h>

namespace gatehouse::store {
namespace {

TEST(BoundedUtf8, KeepsValidTextWithinTheLimit) {
  EXPECT_EQ(boundedUtf8("hello", 10), "hello");
  EXPECT_EQ(boundedUtf8("", 10), "");
  const std::string mixed = "a\xc3\xa9\xe2\x82\xac\xf0\x9f\x9a\x80"; // a é € rocket
  EXPECT_EQ(boundedUtf8(mixed, 4), mixed);
}

TEST(BoundedUtf8, CutsAtCodePointsNeverInsideOne) {
  const std::string rockets = "\xf0\x9f\x9a\x80\xf0\x9f\x9a\x80\xf0\x9f\x9a\x80";
  EXPECT_EQ(boundedUtf8(rockets, 2), "\xf0\x9f\x9a\x80\xf0\x9f\x9a\x80");
  EXPECT_EQ(boundedUtf8("abcdef", 3), "abc");
}

TEST(BoundedUtf8, ReplacesEachInvalidByte) {
  EXPECT_EQ(boundedUtf8("a\xff"
                        "b",
                        10),
            "a\xef\xbf\xbd"
            "b");
  EXPECT_EQ(boundedUtf8("\xc3", 10), "\xef\xbf\xbd");                                 // truncated sequence
  EXPECT_EQ(boundedUtf8("\xc0\xaf", 10), "\xef\xbf\xbd\xef\xbf\xbd");                 // overlong '/'
  EXPECT_EQ(boundedUtf8("\xed\xa0\x80", 10), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"); // surrogate
  EXPECT_EQ(boundedUtf8("\xf4\x90\x80\x80", 1), "\xef\xbf\xbd");                      // beyond U+10FFFF
}

} // namespace
} // namespace gatehouse::store
