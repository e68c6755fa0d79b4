#include <gatehouse/gateway/json_depth.hpp>

#include <gtest/gtest.h>

#include <string>

namespace gatehouse::gateway {
namespace {

TEST(JsonDepth, CountsNestedArraysAndObjects) {
  EXPECT_EQ(jsonNestingDepth("1"), 0u);
  EXPECT_EQ(jsonNestingDepth("{}"), 1u);
  EXPECT_EQ(jsonNestingDepth(R"({"a":[{"b":[]}],"c":{}})"), 4u);
}

TEST(JsonDepth, IgnoresBracketsInsideStringsIncludingEscapedQuotes) {
  EXPECT_EQ(jsonNestingDepth(R"({"a":"[[[[{{{{"})"), 1u);
  EXPECT_EQ(jsonNestingDepth(R"({"a":"x\"[[[[","b":[1]})"), 2u);
  EXPECT_EQ(jsonNestingDepth(R"({"a":"\\","b":[[1]]})"), 3u);
}

TEST(JsonDepth, StopsCountingPastTheLimit) {
  EXPECT_EQ(jsonNestingDepth(std::string(1000000, '['), 128), 129u);
  EXPECT_EQ(jsonNestingDepth(std::string(128, '[') + std::string(128, ']'), 128), 128u);
}

} // namespace
} // namespace gatehouse::gateway
