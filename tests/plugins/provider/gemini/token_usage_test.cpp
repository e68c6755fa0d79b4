#include <gtest/gtest.h>

#include "gemini_test_support.hpp"
#include "token_usage.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using testing::parsed;

TEST(TokenUsageTest, CountsThoughtsAsCompletionAndCachedAsPrompt) {
  const auto metadata = parsed(R"({"promptTokenCount":100,"candidatesTokenCount":20,"totalTokenCount":150,
                                   "cachedContentTokenCount":60,"thoughtsTokenCount":30})");
  const providers::ChatUsage usage = readUsageMetadata(metadata);
  EXPECT_EQ(usage.promptTokens, 100);
  EXPECT_EQ(usage.completionTokens, 50);
  EXPECT_EQ(usage.cachedTokens, 60);
  EXPECT_EQ(usage.reasoningTokens, 30);
}

TEST(TokenUsageTest, MissingCountsAreZero) {
  const providers::ChatUsage usage = readUsageMetadata(parsed(R"({"promptTokenCount":7})"));
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

} // namespace
} // namespace gatehouse::plugins::gemini
