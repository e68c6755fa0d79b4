#include <gtest/gtest.h>

#include "word_count.hpp"

namespace {

TEST(WordCount, CountsWhitespaceSeparatedWords) {
  EXPECT_EQ(hello::countWords(""), 0);
  EXPECT_EQ(hello::countWords("   \n\t "), 0);
  EXPECT_EQ(hello::countWords("one"), 1);
  EXPECT_EQ(hello::countWords("  two\twords\n"), 2);
  EXPECT_EQ(hello::countWords("a b  c\r\nd\fe\vf"), 6);
  EXPECT_EQ(hello::countWords("caf\xC3\xA9 au lait"), 3);
}

} // namespace
