#include <gtest/gtest.h>

#include "chat_usage.hpp"

namespace gatehouse::providers {
namespace {

TEST(ChatUsage, BecomesTheHostsUsage) {
  ChatUsage usage;
  usage.promptTokens = 100;
  usage.completionTokens = 20;
  usage.cachedTokens = 60;
  usage.reasoningTokens = 5;
  const gh_usage out = toGhUsage(usage);
  EXPECT_EQ(out.struct_size, sizeof(gh_usage));
  EXPECT_EQ(out.prompt_tokens, 100);
  EXPECT_EQ(out.completion_tokens, 20);
  EXPECT_EQ(out.cached_prompt_tokens, 60);
  EXPECT_EQ(out.reasoning_tokens, 5);
  EXPECT_EQ(out.images, 0);
}

TEST(ChatUsage, WritesOpenAisUsageObject) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  ChatUsage usage;
  usage.promptTokens = 7;
  usage.completionTokens = 3;
  usage.cachedTokens = 1;
  writeChatUsage(writer, usage);
  EXPECT_STREQ(buffer.GetString(), R"({"prompt_tokens":7,"completion_tokens":3,"total_tokens":10,)"
                                   R"("prompt_tokens_details":{"cached_tokens":1},)"
                                   R"("completion_tokens_details":{"reasoning_tokens":0}})");
}

TEST(ChatUsage, TotalCountsReasoningOnlyOnceInsideCompletion) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writeChatUsage(writer, ChatUsage{100, 50, 60, 30});
  EXPECT_EQ(bufferText(buffer), R"({"prompt_tokens":100,"completion_tokens":50,"total_tokens":150,)"
                                R"("prompt_tokens_details":{"cached_tokens":60},)"
                                R"("completion_tokens_details":{"reasoning_tokens":30}})");
}

} // namespace
} // namespace gatehouse::providers
