// The OpenAI chat.completion.chunk writer the translating providers share.
#include <gtest/gtest.h>

#include "chat_chunk_json.hpp"

namespace gatehouse::providers {
namespace {

const ChatIdentity kIdentity{"chatcmpl-1", 1700000000, "claude"};
constexpr const char* kHeader =
    R"({"id":"chatcmpl-1","object":"chat.completion.chunk","created":1700000000,"model":"claude",)"
    R"("system_fingerprint":null,)";

std::string choice(const std::string& delta, const std::string& finish = "null", int index = 0) {
  return R"("choices":[{"index":)" + std::to_string(index) + R"(,"delta":)" + delta +
         R"(,"logprobs":null,"finish_reason":)" + finish + "}]";
}

TEST(ChatChunkJson, WritesEachKindOfChunk) {
  const ChatChunkJson chunks(kIdentity, false);
  EXPECT_EQ(chunks.role(), kHeader + choice(R"({"role":"assistant","content":""})") + "}");
  EXPECT_EQ(chunks.content("Grüße \"x\""), kHeader + choice(R"({"content":"Grüße \"x\""})") + "}");
  EXPECT_EQ(chunks.toolCallStart(1, "toolu_1", "get_weather"),
            kHeader +
                choice(R"({"tool_calls":[{"index":1,"id":"toolu_1","type":"function",)"
                       R"("function":{"name":"get_weather","arguments":""}}]})") +
                "}");
  EXPECT_EQ(chunks.toolCallStart(0, "call_a", "f", R"({"a":1})"),
            kHeader +
                choice(R"({"tool_calls":[{"index":0,"id":"call_a","type":"function",)"
                       R"("function":{"name":"f","arguments":"{\"a\":1}"}}]})") +
                "}");
  EXPECT_EQ(chunks.toolCallArguments(1, R"({"loc)"),
            kHeader + choice(R"({"tool_calls":[{"index":1,"function":{"arguments":"{\"loc"}}]})") + "}");
  EXPECT_EQ(chunks.finish("length"), kHeader + choice("{}", R"("length")") + "}");
  EXPECT_EQ(chunks.finish(""), kHeader + choice("{}", R"("stop")") + "}");
}

TEST(ChatChunkJson, ChoiceIndexesAreKept) {
  const ChatChunkJson chunks(kIdentity, false);
  EXPECT_EQ(chunks.content("b", 2), kHeader + choice(R"({"content":"b"})", "null", 2) + "}");
}

TEST(ChatChunkJson, WithUsageEveryChunkSaysUsageNullAndTheLastCarriesIt) {
  const ChatChunkJson chunks(kIdentity, true);
  EXPECT_TRUE(chunks.includesUsage());
  EXPECT_EQ(chunks.content("a"), kHeader + choice(R"({"content":"a"})") + R"(,"usage":null})");
  ChatUsage usage;
  usage.promptTokens = 10;
  usage.completionTokens = 5;
  usage.cachedTokens = 4;
  usage.reasoningTokens = 2;
  EXPECT_EQ(chunks.usage(usage),
            std::string(kHeader) +
                R"("choices":[],"usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15,)"
                R"("prompt_tokens_details":{"cached_tokens":4},)"
                R"("completion_tokens_details":{"reasoning_tokens":2}}})");
}

} // namespace
} // namespace gatehouse::providers
