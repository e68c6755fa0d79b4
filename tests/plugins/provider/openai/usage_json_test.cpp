// Reading usage out of OpenAI's usage objects, including what compatible servers send.
#include <gtest/gtest.h>

#include "usage_json.hpp"

namespace gatehouse::plugins::openai {
namespace {

rapidjson::Document parse(const char* json) {
  rapidjson::Document document;
  document.Parse(json);
  return document;
}

TEST(UsageJson, ChatUsageWithDetailsNullDetailsAndFloats) {
  auto full =
      parse(R"({"prompt_tokens":10,"completion_tokens":5,"prompt_tokens_details":{"cached_tokens":2},)"
            R"("completion_tokens_details":{"reasoning_tokens":1}})");
  const providers::ChatUsage usage = readChatUsage(full);
  EXPECT_EQ(usage.promptTokens, 10);
  EXPECT_EQ(usage.completionTokens, 5);
  EXPECT_EQ(usage.cachedTokens, 2);
  EXPECT_EQ(usage.reasoningTokens, 1);

  auto sparse = parse(R"({"prompt_tokens":7.0,"completion_tokens":-3,"prompt_tokens_details":null})");
  const providers::ChatUsage partial = readChatUsage(sparse);
  EXPECT_EQ(partial.promptTokens, 7);
  EXPECT_EQ(partial.completionTokens, 0);
  EXPECT_EQ(partial.cachedTokens, 0);
}

TEST(UsageJson, FindChatUsageSkipsNullAndReadsGroqs) {
  EXPECT_EQ(findChatUsage(parse(R"({"usage":null})")), nullptr);
  EXPECT_EQ(findChatUsage(parse(R"({"choices":[]})")), nullptr);
  auto groq = parse(R"({"x_groq":{"usage":{"prompt_tokens":4}}})");
  ASSERT_NE(findChatUsage(groq), nullptr);
  EXPECT_EQ(readChatUsage(*findChatUsage(groq)).promptTokens, 4);
}

TEST(UsageJson, TranscriptionUsageByDurationTokensOrVerboseDuration) {
  gh_usage usage{};
  addTranscriptionUsage(parse(R"({"usage":{"type":"duration","seconds":2.5}})"), usage);
  EXPECT_EQ(usage.audio_milliseconds, 2500);
  usage = gh_usage{};
  addTranscriptionUsage(parse(R"({"usage":{"type":"tokens","input_tokens":3,"output_tokens":4}})"), usage);
  EXPECT_EQ(usage.prompt_tokens, 3);
  EXPECT_EQ(usage.completion_tokens, 4);
  usage = gh_usage{};
  addTranscriptionUsage(parse(R"({"duration":1.0004,"text":"x"})"), usage);
  EXPECT_EQ(usage.audio_milliseconds, 1000);
  usage = gh_usage{};
  addTranscriptionUsage(parse(R"({"duration":"long","usage":{"type":"other"}})"), usage);
  EXPECT_EQ(usage.audio_milliseconds, 0);
}

TEST(UsageJson, TokenUsageAcceptsEitherNaming) {
  gh_usage usage{};
  addTokenUsage(parse(R"({"prompt_tokens":8,"completion_tokens":9})"), usage);
  EXPECT_EQ(usage.prompt_tokens, 8);
  EXPECT_EQ(usage.completion_tokens, 9);
}

TEST(UsageJson, SubtitleEndIsTheLatestCueEnd) {
  EXPECT_EQ(subtitleEndMilliseconds("1\n00:00:01,000 --> 00:00:02,500\nx\n"), 2500);
  EXPECT_EQ(subtitleEndMilliseconds("WEBVTT\n\n01:02.003 --> 01:03.004\nx\n\n00:10.000 --> 00:11.000\ny"),
            63004);
  EXPECT_EQ(subtitleEndMilliseconds("WEBVTT\n\n00:00:00.000 --> 02:00:00.001 align:start"), 7200001);
  EXPECT_EQ(subtitleEndMilliseconds("7\r\n00:00:01,000 --> 00:00:03,000\r\nx\r\n"), 3000);
  EXPECT_EQ(subtitleEndMilliseconds("WEBVTT\n\nno cues"), 0);
  EXPECT_EQ(subtitleEndMilliseconds("WEBVTT\n\na --> b"), 0);
  EXPECT_EQ(subtitleEndMilliseconds("WEBVTT\n\n00:01 --> 00:02"), 0); // no milliseconds: not a time
  EXPECT_EQ(subtitleEndMilliseconds("-->"), 0);
  // Plain text that happens to hold an arrow is no transcript of cues.
  EXPECT_EQ(subtitleEndMilliseconds("he said 00:00:01,000 --> 00:00:09,000\n"), 0);
  EXPECT_EQ(subtitleEndMilliseconds("12 monkeys\n00:00:01,000 --> 00:00:09,000\n"), 0);
}

} // namespace
} // namespace gatehouse::plugins::openai
