#include <gtest/gtest.h>

#include "chunk_writer.hpp"
#include "gemini_test_support.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using testing::sameJson;

class ChunkWriterTest : public ::testing::Test {
protected:
  const ChunkWriter writer_{providers::ChatIdentity{"chatcmpl-x", 42, "m"}};
};

TEST_F(ChunkWriterTest, OpensAChoiceWithTheAssistantRole) {
  EXPECT_TRUE(sameJson(writer_.role(1), R"({"id":"chatcmpl-x","object":"chat.completion.chunk","created":42,
      "model":"m","choices":[{"index":1,"delta":{"role":"assistant","content":""},"logprobs":null,
      "finish_reason":null}]})"));
}

TEST_F(ChunkWriterTest, WritesContentDeltas) {
  EXPECT_TRUE(
      sameJson(writer_.content(0, "a \"quoted\"\n"), R"({"id":"chatcmpl-x","object":"chat.completion.chunk",
      "created":42,"model":"m","choices":[{"index":0,"delta":{"content":"a \"quoted\"\n"},"logprobs":null,
      "finish_reason":null}]})"));
}

TEST_F(ChunkWriterTest, WritesAWholeToolCall) {
  EXPECT_TRUE(sameJson(writer_.toolCall(0, 3, FunctionCall{"f", R"({"a":1})", ""}, "call_9"),
                       R"({"id":"chatcmpl-x","object":"chat.completion.chunk","created":42,"model":"m",
      "choices":[{"index":0,"delta":{"tool_calls":[{"index":3,"id":"call_9","type":"function",
      "function":{"name":"f","arguments":"{\"a\":1}"}}]},"logprobs":null,"finish_reason":null}]})"));
}

TEST_F(ChunkWriterTest, WritesTheFinishReasonWithAnEmptyDelta) {
  EXPECT_TRUE(sameJson(writer_.finish(2, "length"), R"({"id":"chatcmpl-x","object":"chat.completion.chunk",
      "created":42,"model":"m",
      "choices":[{"index":2,"delta":{},"logprobs":null,"finish_reason":"length"}]})"));
}

TEST_F(ChunkWriterTest, WritesUsageWithoutChoices) {
  EXPECT_TRUE(sameJson(writer_.usage(providers::ChatUsage{3, 4, 1, 2}),
                       R"({"id":"chatcmpl-x","object":"chat.completion.chunk",
      "created":42,"model":"m","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":4,"total_tokens":7,
      "prompt_tokens_details":{"cached_tokens":1},"completion_tokens_details":{"reasoning_tokens":2}}})"));
}

} // namespace
} // namespace gatehouse::plugins::gemini
