#include <gatehouse/http/query_string.hpp>

#include <gtest/gtest.h>

namespace gatehouse::http {
namespace {

TEST(PercentDecode, DecodesEscapesAndOptionallyPlus) {
  EXPECT_EQ(percentDecode("a%20b%2fc%2F", false), "a b/c/");
  EXPECT_EQ(percentDecode("a+b", false), "a+b");
  EXPECT_EQ(percentDecode("a+b", true), "a b");
  EXPECT_EQ(percentDecode("%C3%A9", false), "\xC3\xA9");
  EXPECT_EQ(percentDecode("", false), "");
}

TEST(PercentDecode, RefusesMalformedEscapesAndNul) {
  EXPECT_FALSE(percentDecode("%", false));
  EXPECT_FALSE(percentDecode("%4", false));
  EXPECT_FALSE(percentDecode("abc%", false));
  EXPECT_FALSE(percentDecode("%zz", false));
  EXPECT_FALSE(percentDecode("%00", false));
}

TEST(PercentEncode, KeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(percentEncode("Az09-._~"), "Az09-._~");
  EXPECT_EQ(percentEncode("a b/c?d=e&f"), "a%20b%2Fc%3Fd%3De%26f");
  EXPECT_EQ(percentDecode(percentEncode("x y\xC3\xA9+"), true), "x y\xC3\xA9+");
}

TEST(QueryString, ReadsParametersInOrder) {
  const QueryString query("code=abc%2Fdef&state=xyz&empty=&flag&code=second");
  ASSERT_TRUE(query.valid());
  EXPECT_EQ(query.get("code"), "abc/def");
  EXPECT_EQ(query.get("state"), "xyz");
  EXPECT_EQ(query.get("empty"), "");
  EXPECT_EQ(query.get("flag"), "");
  EXPECT_FALSE(query.get("absent"));
  EXPECT_EQ(query.count("code"), 2);
  EXPECT_EQ(query.count("absent"), 0);
  EXPECT_EQ(query.parameters().size(), 5u);
}

TEST(QueryString, SkipsEmptyPairsAndDecodesPlus) {
  const QueryString query("&&a=1+2&&");
  ASSERT_TRUE(query.valid());
  EXPECT_EQ(query.parameters().size(), 1u);
  EXPECT_EQ(query.get("a"), "1 2");
  EXPECT_TRUE(QueryString("").valid());
  EXPECT_TRUE(QueryString("").parameters().empty());
}

TEST(QueryString, MalformedPartsMakeItInvalid) {
  EXPECT_FALSE(QueryString("a=%zz").valid());
  EXPECT_FALSE(QueryString("%=1").valid());
  EXPECT_FALSE(QueryString("=1").valid());
  const QueryString mixed("good=1&bad=%");
  EXPECT_FALSE(mixed.valid());
  EXPECT_EQ(mixed.get("good"), "1"); // what could be read is still there
}

} // namespace
} // namespace gatehouse::http
