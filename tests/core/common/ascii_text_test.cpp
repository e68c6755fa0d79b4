#include <gatehouse/common/ascii_text.hpp>

#include <gtest/gtest.h>

namespace gatehouse::ascii {
namespace {

TEST(AsciiText, TrimBlanksRemovesSpacesAndTabsAtBothEndsOnly) {
  EXPECT_EQ(trimBlanks(" \t a b \t "), "a b");
  EXPECT_EQ(trimBlanks("ab"), "ab");
  EXPECT_EQ(trimBlanks(" \t "), "");
  EXPECT_EQ(trimBlanks(""), "");
  EXPECT_EQ(trimBlanks("\r\nx\n"), "\r\nx\n") << "line ends are not blanks";
}

TEST(AsciiText, EqualsIgnoreCaseFoldsAsciiLettersOnly) {
  EXPECT_TRUE(equalsIgnoreCase("Content-Type", "content-TYPE"));
  EXPECT_FALSE(equalsIgnoreCase("content-type", "content-typ"));
  EXPECT_FALSE(equalsIgnoreCase("a", "b"));
  EXPECT_TRUE(equalsIgnoreCase("", ""));
  EXPECT_FALSE(equalsIgnoreCase("\xC3\x84", "\xC3\xA4")) << "Ä and ä are not ASCII";
  EXPECT_FALSE(equalsIgnoreCase("@", "`")) << "neighbours of the letter ranges do not fold";
  EXPECT_FALSE(equalsIgnoreCase("[", "{"));
}

TEST(AsciiText, ToLowerAndIsBlank) {
  EXPECT_EQ(toLower('A'), 'a');
  EXPECT_EQ(toLower('Z'), 'z');
  EXPECT_EQ(toLower('a'), 'a');
  EXPECT_EQ(toLower('-'), '-');
  EXPECT_TRUE(isBlank(' '));
  EXPECT_TRUE(isBlank('\t'));
  EXPECT_FALSE(isBlank('\n'));
}

static_assert(trimBlanks("  x ") == "x", "usable at compile time");

} // namespace
} // namespace gatehouse::ascii
