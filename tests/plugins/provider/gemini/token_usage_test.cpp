#include <gtest/gtest.h>

#include "gemini_test_support.hpp"
#include "token_usage.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using testing::parsed;
using testing::sameJson;

TEST(TokenUsageTest, CountsThoughtsAsCompletionAndCachedAsPrompt) {
  const auto metadata = parsed(R"({"promptTokenCount":100,"candidatesTokenCount":20,"totalTokenCount":150,
                                   "cachedContentTokenCount":60,"thoughtsTokenCount":30})");
  const TokenUsage usage = readUsageMetadata(metadata);
  EXPECT_EQ(usage.promptTokens, 100);
  EXPECT_EQ(usage.completionTokens, 50);
  EXPECT_EQ(usage.cachedTokens, 60);
  EXPECT_EQ(usage.reasoningTokens, 30);
}

TEST(TokenUsageTest, MissingCountsAreZero) {
  const TokenUsage usage = readUsageMetadata(parsed(R"({"promptTokenCount":7})"));
  EXPECT_EQ(usage.promptTokens, 7);
  EXPECT_EQ(usage.completionTokens, 0);
  EXPECT_EQ(usage.cachedTokens, 0);
  EXPECT_EQ(usage.reasoningTokens, 0);
}

TEST(TokenUsageTest, FindsTheUsageOfAWholeResponse) {
  EXPECT_EQ(
      usageInResponse(R"({"promptFeedback":{"blockReason":"SAFETY"},"usageMetadata":{"promptTokenCount":9}})")
          .promptTokens,
      9);
  EXPECT_EQ(usageInResponse("<html>").promptTokens, 0);
  EXPECT_EQ(usageInResponse("{}").promptTokens, 0);
}

TEST(TokenUsageTest, WritesOpenAisUsageObject) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writeUsage(writer, TokenUsage{100, 50, 60, 30});
  EXPECT_TRUE(sameJson(bufferText(buffer), R"({"prompt_tokens":100,"completion_tokens":50,"total_tokens":150,
      "prompt_tokens_details":{"cached_tokens":60},"completion_tokens_details":{"reasoning_tokens":30}})"));
}

TEST(TokenUsageTest, FillsTheAbiStruct) {
  const gh_usage usage = toAbiUsage(TokenUsage{100, 50, 60, 30});
  EXPECT_EQ(usage.prompt_tokens, 100);
  EXPECT_EQ(usage.completion_tokens, 50);
  EXPECT_EQ(usage.cached_prompt_tokens, 60);
  EXPECT_EQ(usage.reasoning_tokens, 30);
  EXPECT_EQ(usage.images, 0);
}

} // namespace
} // namespace gatehouse::plugins::gemini
