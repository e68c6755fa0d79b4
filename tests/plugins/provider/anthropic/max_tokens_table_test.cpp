#include <gtest/gtest.h>

#include "max_tokens_table.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

TEST(MaxTokensTable, GivesEachModelFamilyItsLargestOutput) {
  EXPECT_EQ(defaultMaxTokens("claude-3-5-haiku-20241022"), 8192);
  EXPECT_EQ(defaultMaxTokens("claude-3-5-sonnet-latest"), 8192);
  EXPECT_EQ(defaultMaxTokens("claude-3-7-sonnet-20250219"), 64000);
  EXPECT_EQ(defaultMaxTokens("claude-sonnet-4-20250514"), 64000);
  EXPECT_EQ(defaultMaxTokens("claude-sonnet-4-5"), 64000);
  EXPECT_EQ(defaultMaxTokens("claude-haiku-4-5-20251001"), 64000);
  EXPECT_EQ(defaultMaxTokens("claude-opus-4-20250514"), 32000);
  EXPECT_EQ(defaultMaxTokens("claude-opus-4-1-20250805"), 32000);
  EXPECT_EQ(defaultMaxTokens("claude-opus-4-5-20251101"), 64000);
  EXPECT_EQ(defaultMaxTokens("claude-3-opus-20240229"), 4096);
  EXPECT_EQ(defaultMaxTokens("claude-3-haiku-20240307"), 4096);
}

TEST(MaxTokensTable, UnknownModelsGetTheFallback) {
  EXPECT_EQ(defaultMaxTokens("claude-2.1"), kFallbackMaxTokens);
  EXPECT_EQ(defaultMaxTokens("my-finetune"), kFallbackMaxTokens);
  EXPECT_EQ(defaultMaxTokens(""), kFallbackMaxTokens);
}

} // namespace
} // namespace gatehouse::plugins::anthropic
