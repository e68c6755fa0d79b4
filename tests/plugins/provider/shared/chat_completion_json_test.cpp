// The OpenAI chat.completion writer the translating providers share.
#include <gtest/gtest.h>

#include "chat_completion_json.hpp"

namespace gatehouse::providers {
namespace {

const ChatIdentity kIdentity{"chatcmpl-1", 1700000000, "claude"};
constexpr const char* kUsage =
    R"("usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5,)"
    R"("prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}})";

ChatUsage usage() {
  ChatUsage out;
  out.promptTokens = 3;
  out.completionTokens = 2;
  return out;
}

TEST(ChatCompletionJson, WritesATextAnswer) {
  ChatChoice choice;
  choice.content = "Hello";
  EXPECT_EQ(
      chatCompletionJson(kIdentity, {choice}, usage()),
      std::string(R"({"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"claude",)"
                  R"("system_fingerprint":null,"choices":[{"index":0,"message":{"role":"assistant",)"
                  R"("content":"Hello","refusal":null},"logprobs":null,"finish_reason":"stop"}],)") +
          kUsage + "}");
}

TEST(ChatCompletionJson, WritesToolCallsWithNullContent) {
  ChatChoice choice;
  choice.toolCalls = {{"toolu_1", "get_weather", R"({"city":"Oslo"})"}, {"toolu_2", "get_time", "{}"}};
  choice.finishReason = "tool_calls";
  EXPECT_EQ(
      chatCompletionJson(kIdentity, {choice}, usage()),
      std::string(R"({"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"claude",)"
                  R"("system_fingerprint":null,"choices":[{"index":0,"message":{"role":"assistant",)"
                  R"("content":null,"refusal":null,"tool_calls":[)"
                  R"({"id":"toolu_1","type":"function","function":{"name":"get_weather",)"
                  R"("arguments":"{\"city\":\"Oslo\"}"}},)"
                  R"({"id":"toolu_2","type":"function","function":{"name":"get_time","arguments":"{}"}}]},)"
                  R"("logprobs":null,"finish_reason":"tool_calls"}],)") +
          kUsage + "}");
}

TEST(ChatCompletionJson, WritesSeveralChoicesInOrder) {
  ChatChoice first;
  first.content = "a";
  ChatChoice second;
  second.index = 1;
  second.content = "b";
  second.finishReason = "length";
  const std::string json = chatCompletionJson(kIdentity, {first, second}, usage());
  EXPECT_NE(json.find(R"({"index":1,"message":{"role":"assistant","content":"b")"), std::string::npos)
      << json;
  EXPECT_NE(json.find(R"("finish_reason":"length")"), std::string::npos) << json;
}

} // namespace
} // namespace gatehouse::providers
