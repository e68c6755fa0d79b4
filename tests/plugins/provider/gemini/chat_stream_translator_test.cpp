// Stream translation, driven by Server-Sent Events transcripts shaped as
// streamGenerateContent?alt=sse sends them.
#include <gtest/gtest.h>

#include "chat_stream_translator.hpp"
#include "client_error.hpp"
#include "gemini_test_support.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using testing::CountingToolCallIds;
using testing::parsed;
using testing::readFixture;
using testing::sameJson;
using testing::sseData;

StreamOptions streamOptions(bool includeUsage, bool parallelToolCalls = true) {
  return StreamOptions{providers::ChatIdentity{"chatcmpl-req-1", 1735689600, "gemini-flash"}, includeUsage,
                       parallelToolCalls, ErrorContext{"google", ""}};
}

// Every chunk the translator produces for a transcript, ending included.
std::vector<std::string> translateAll(ChatStreamTranslator& translator, const std::string& transcript) {
  std::vector<std::string> chunks;
  for (const std::string& event : sseData(transcript)) {
    for (std::string& chunk : translator.translate(event)) {
      chunks.push_back(std::move(chunk));
    }
  }
  for (std::string& chunk : translator.finish()) {
    chunks.push_back(std::move(chunk));
  }
  return chunks;
}

std::string deltaContent(const std::string& chunk) {
  const rapidjson::Document document = parsed(chunk);
  const auto& delta = document["choices"][0]["delta"];
  return delta.HasMember("content") ? delta["content"].GetString() : "";
}

std::string finishReason(const std::string& chunk) {
  const rapidjson::Document document = parsed(chunk);
  const auto& reason = document["choices"][0]["finish_reason"];
  return reason.IsNull() ? "" : reason.GetString();
}

TEST(ChatStreamTranslatorTest, StreamsALongAnswerPieceByPiece) {
  const std::string transcript = readFixture("streams/long_text.sse");
  const std::vector<std::string> events = sseData(transcript);
  ASSERT_EQ(events.size(), 200u);
  CountingToolCallIds ids;
  ChatStreamTranslator translator(streamOptions(false), ids);
  const std::vector<std::string> chunks = translateAll(translator, transcript);
  // A role chunk, one content chunk per event, the finish chunk; no usage chunk unasked.
  ASSERT_EQ(chunks.size(), events.size() + 2);
  EXPECT_TRUE(sameJson(chunks.front(), R"({"id":"chatcmpl-req-1","object":"chat.completion.chunk",
      "created":1735689600,"model":"gemini-flash",
      "choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,
                  "finish_reason":null}]})"));
  for (std::size_t i = 0; i < events.size(); ++i) {
    const rapidjson::Document event = parsed(events[i]);
    EXPECT_EQ(deltaContent(chunks[i + 1]), event["candidates"][0]["content"]["parts"][0]["text"].GetString());
    EXPECT_EQ(finishReason(chunks[i + 1]), "");
  }
  EXPECT_EQ(finishReason(chunks.back()), "stop");
  EXPECT_EQ(translator.usage().promptTokens, 12);
  EXPECT_EQ(translator.usage().completionTokens, 440);
  EXPECT_EQ(translator.usage().reasoningTokens, 40);
}

TEST(ChatStreamTranslatorTest, SendsUsageLastWhenAskedFor) {
  CountingToolCallIds ids;
  ChatStreamTranslator translator(streamOptions(true), ids);
  const std::vector<std::string> chunks = translateAll(translator, readFixture("streams/long_text.sse"));
  ASSERT_EQ(chunks.size(), 203u);
  EXPECT_TRUE(sameJson(chunks.back(), R"({"id":"chatcmpl-req-1","object":"chat.completion.chunk",
      "created":1735689600,"model":"gemini-flash","choices":[],
      "usage":{"prompt_tokens":12,"completion_tokens":440,"total_tokens":452,
               "prompt_tokens_details":{"cached_tokens":0},
               "completion_tokens_details":{"reasoning_tokens":40}}})"));
  EXPECT_EQ(finishReason(chunks[chunks.size() - 2]), "stop");
}

TEST(ChatStreamTranslatorTest, StreamsFunctionCallsAsWholeToolCallDeltas) {
  CountingToolCallIds ids;
  ChatStreamTranslator translator(streamOptions(true), ids);
  const std::vector<std::string> chunks = translateAll(translator, readFixture("streams/function_calls.sse"));
  const rapidjson::Document expected = parsed(readFixture("streams/function_calls.chunks.json"));
  ASSERT_EQ(chunks.size(), expected.Size());
  for (rapidjson::SizeType i = 0; i < expected.Size(); ++i) {
    EXPECT_TRUE(sameJson(chunks[i], expected[i])) << "chunk " << i;
  }
}

TEST(ChatStreamTranslatorTest, SendsOnlyTheFirstCallWithoutParallelToolCalls) {
  CountingToolCallIds ids;
  ChatStreamTranslator translator(streamOptions(false, false), ids);
  const std::vector<std::string> chunks = translateAll(translator, readFixture("streams/function_calls.sse"));
  std::size_t toolCallChunks = 0;
  for (const std::string& chunk : chunks) {
    toolCallChunks += chunk.find("\"tool_calls\":[") != std::string::npos ? 1 : 0;
  }
  EXPECT_EQ(toolCallChunks, 1u);
  EXPECT_EQ(finishReason(chunks.back()), "tool_calls");
}

TEST(ChatStreamTranslatorTest, KeepsMultiByteTextIntact) {
  CountingToolCallIds ids;
  ChatStreamTranslator translator(streamOptions(false), ids);
  const std::vector<std::string> chunks = translateAll(translator, readFixture("streams/utf8.sse"));
  ASSERT_EQ(chunks.size(), 5u);
  EXPECT_EQ(deltaContent(chunks[1]), "こんにちは、");
  EXPECT_EQ(deltaContent(chunks[2]), "世界！ Café 👋");
  EXPECT_EQ(deltaContent(chunks[3]), "🏽 Ünïcødé ✓");
  EXPECT_EQ(deltaContent(chunks[1]) + deltaContent(chunks[2]) + deltaContent(chunks[3]),
            "こんにちは、世界！ Café 👋🏽 Ünïcødé ✓");
}

TEST(ChatStreamTranslatorTest, TurnsAnErrorEventIntoATranslatedError) {
  CountingToolCallIds ids;
  ChatStreamTranslator translator(streamOptions(false), ids);
  const std::vector<std::string> events = sseData(readFixture("streams/midstream_error.sse"));
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(translator.translate(events[0]).size(), 2u);
  EXPECT_EQ(translator.translate(events[1]).size(), 1u);
  try {
    translator.translate(events[2]);
    ADD_FAILURE() << "the error event was not reported";
  } catch (const ClientError& error) {
    EXPECT_EQ(error.error().status, 502);
    EXPECT_EQ(error.status(), GH_ERROR_UPSTREAM);
    EXPECT_EQ(error.error().code, "internal");
    EXPECT_EQ(error.error().message.rfind("provider 'google': An internal error has occurred.", 0), 0u);
  }
  EXPECT_EQ(translator.usage().completionTokens, 6);
}

TEST(ChatStreamTranslatorTest, EndsAFilteredAnswerWithContentFilter) {
  CountingToolCallIds ids;
  ChatStreamTranslator translator(streamOptions(false), ids);
  const std::vector<std::string> chunks = translateAll(translator, readFixture("streams/safety_stop.sse"));
  ASSERT_EQ(chunks.size(), 3u);
  EXPECT_EQ(deltaContent(chunks[1]), "Here is how you");
  EXPECT_EQ(finishReason(chunks[2]), "content_filter");
}

TEST(ChatStreamTranslatorTest, RefusesABlockedPromptBeforeAnyChunk) {
  CountingToolCallIds ids;
  ChatStreamTranslator translator(streamOptions(true), ids);
  const std::vector<std::string> events = sseData(readFixture("streams/blocked_prompt.sse"));
  ASSERT_EQ(events.size(), 1u);
  try {
    translator.translate(events[0]);
    ADD_FAILURE() << "a blocked prompt was streamed";
  } catch (const ClientError& error) {
    EXPECT_EQ(error.error().status, 400);
    EXPECT_EQ(error.error().code, "content_filter");
    EXPECT_NE(error.error().message.find("PROHIBITED_CONTENT"), std::string::npos);
  }
}

TEST(ChatStreamTranslatorTest, FinishesChoicesGeminiLeftOpen) {
  CountingToolCallIds ids;
  ChatStreamTranslator translator(streamOptions(false), ids);
  EXPECT_EQ(translator
                .translate(R"({"candidates":[{"content":{"parts":[{"text":"a"}]},"index":0},
                                                   {"content":{"parts":[{"text":"b"}]},"index":1}]})")
                .size(),
            4u);
  const std::vector<std::string> ending = translator.finish();
  ASSERT_EQ(ending.size(), 2u);
  EXPECT_TRUE(
      sameJson(ending[0], R"({"id":"chatcmpl-req-1","object":"chat.completion.chunk","created":1735689600,
      "model":"gemini-flash","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]})"));
  EXPECT_EQ(parsed(ending[1])["choices"][0]["index"].GetInt(), 1);
}

TEST(ChatStreamTranslatorTest, AnswersAnEmptyStreamWithAnEmptyChoice) {
  CountingToolCallIds ids;
  ChatStreamTranslator translator(streamOptions(false), ids);
  const std::vector<std::string> ending = translator.finish();
  ASSERT_EQ(ending.size(), 2u);
  EXPECT_EQ(deltaContent(ending[0]), "");
  EXPECT_EQ(finishReason(ending[1]), "stop");
}

TEST(ChatStreamTranslatorTest, IgnoresEventsAfterAChoiceFinished) {
  CountingToolCallIds ids;
  ChatStreamTranslator translator(streamOptions(false), ids);
  translator.translate(R"({"candidates":[{"content":{"parts":[{"text":"a"}]},"finishReason":"STOP"}]})");
  EXPECT_TRUE(translator.translate(R"({"candidates":[{"content":{"parts":[{"text":"late"}]}}]})").empty());
  EXPECT_TRUE(translator.finish().empty());
}

TEST(ChatStreamTranslatorTest, RefusesAnEventThatIsNotJson) {
  CountingToolCallIds ids;
  ChatStreamTranslator translator(streamOptions(false), ids);
  EXPECT_THROW(translator.translate("{\"candidates\":"), ClientError);
}

} // namespace
} // namespace gatehouse::plugins::gemini
