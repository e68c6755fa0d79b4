#include <gtest/gtest.h>

#include "anthropic_usage.hpp"
#include "fixture.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

TEST(AnthropicUsage, PromptTokensIncludeCacheReadsAndWrites) {
  AnthropicUsage usage;
  usage.merge(test::parse(R"({"input_tokens":10,"cache_creation_input_tokens":200,)"
                          R"("cache_read_input_tokens":3000,"output_tokens":40})"));
  const providers::ChatUsage chat = usage.toChatUsage();
  EXPECT_EQ(chat.promptTokens, 3210);
  EXPECT_EQ(chat.cachedTokens, 3000);
  EXPECT_EQ(chat.completionTokens, 40);
  EXPECT_EQ(chat.reasoningTokens, 0);
}

TEST(AnthropicUsage, MergeKeepsCountsALaterObjectLeavesOut) {
  AnthropicUsage usage;
  usage.merge(test::parse(R"({"input_tokens":25,"cache_read_input_tokens":5,"output_tokens":1})"));
  usage.merge(test::parse(R"({"output_tokens":15})"));
  EXPECT_EQ(usage.inputTokens, 25);
  EXPECT_EQ(usage.cacheReadTokens, 5);
  EXPECT_EQ(usage.outputTokens, 15);
}

TEST(AnthropicUsage, IgnoresNullsAndNonsense) {
  AnthropicUsage usage;
  usage.merge(test::parse(R"({"input_tokens":7})"));
  usage.merge(test::parse(R"({"input_tokens":null,"output_tokens":-3,"cache_read_input_tokens":"many"})"));
  EXPECT_EQ(usage.inputTokens, 7);
  EXPECT_EQ(usage.outputTokens, 0);
  EXPECT_EQ(usage.cacheReadTokens, 0);
}

} // namespace
} // namespace gatehouse::plugins::anthropic
