#include <gtest/gtest.h>

#include <regex>
#include <set>

#include "tool_call_ids.hpp"

namespace gatehouse::plugins::gemini {
namespace {

TEST(ToolCallIdsTest, LooksLikeOpenAisIds) {
  RandomToolCallIds ids;
  EXPECT_TRUE(std::regex_match(ids.next(), std::regex("call_[0-9a-f]{24}")));
}

TEST(ToolCallIdsTest, NeverRepeatsWithinManyCalls) {
  RandomToolCallIds ids;
  std::set<std::string> seen;
  for (int i = 0; i < 10000; ++i) {
    EXPECT_TRUE(seen.insert(ids.next()).second);
  }
}

} // namespace
} // namespace gatehouse::plugins::gemini
