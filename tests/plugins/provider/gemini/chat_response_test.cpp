// Whole-response translation, driven by fixtures holding a Gemini GenerateContentResponse and
// the chat.completion (or error) it must become.
#include <gtest/gtest.h>

#include "chat_response.hpp"
#include "client_error.hpp"
#include "gemini_test_support.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using testing::CountingToolCallIds;
using testing::parsed;
using testing::readFixture;
using testing::sameJson;

ChatResponseOptions options(bool parallelToolCalls = true) {
  return ChatResponseOptions{providers::ChatIdentity{"chatcmpl-req-1", 1735689600, "gemini-flash"},
                             parallelToolCalls,
                             ErrorContext{"google", "AIzaSyTheCompanyKey0123456789abcdefghij"}};
}

class ChatResponseFixtureTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ChatResponseFixtureTest, TranslatesTheGeminiResponse) {
  const rapidjson::Document fixture = parsed(readFixture("responses/" + GetParam() + ".json"));
  CountingToolCallIds ids;
  const ChatResponse response =
      translateChatResponse(providers::toJson(fixture["gemini_response"]), options(), ids);
  EXPECT_TRUE(sameJson(response.body, fixture["openai_response"]));
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ChatResponseFixtureTest,
                         ::testing::Values("text", "parallel_function_calls", "candidates_and_limits"));

TEST(ChatResponseTest, ReportsTheUsageItWrote) {
  const rapidjson::Document fixture = parsed(readFixture("responses/parallel_function_calls.json"));
  CountingToolCallIds ids;
  const ChatResponse response =
      translateChatResponse(providers::toJson(fixture["gemini_response"]), options(), ids);
  EXPECT_EQ(response.usage.promptTokens, 112);
  EXPECT_EQ(response.usage.completionTokens, 124);
  EXPECT_EQ(response.usage.reasoningTokens, 86);
}

TEST(ChatResponseTest, KeepsOnlyTheFirstCallWithoutParallelToolCalls) {
  const rapidjson::Document fixture = parsed(readFixture("responses/parallel_function_calls.json"));
  CountingToolCallIds ids;
  const ChatResponse response =
      translateChatResponse(providers::toJson(fixture["gemini_response"]), options(false), ids);
  const rapidjson::Document body = parsed(response.body);
  const auto& calls = body["choices"][0]["message"]["tool_calls"];
  ASSERT_EQ(calls.Size(), 1u);
  EXPECT_STREQ(calls[0]["function"]["name"].GetString(), "get_current_weather");
  EXPECT_STREQ(body["choices"][0]["finish_reason"].GetString(), "tool_calls");
}

TEST(ChatResponseTest, GivesEveryToolCallItsOwnId) {
  const std::string gemini = R"({"candidates":[{"index":0,"finishReason":"STOP","content":{"parts":[
      {"functionCall":{"name":"a","args":{}}},{"functionCall":{"name":"b","args":{}}}]}},
      {"index":1,"finishReason":"STOP","content":{"parts":[{"functionCall":{"name":"a","args":{}}}]}}]})";
  RandomToolCallIds ids;
  const rapidjson::Document body = parsed(translateChatResponse(gemini, options(), ids).body);
  const std::string first = body["choices"][0]["message"]["tool_calls"][0]["id"].GetString();
  const std::string second = body["choices"][0]["message"]["tool_calls"][1]["id"].GetString();
  const std::string third = body["choices"][1]["message"]["tool_calls"][0]["id"].GetString();
  EXPECT_NE(first, second);
  EXPECT_NE(first, third);
  EXPECT_NE(second, third);
}

TEST(ChatResponseTest, AnswersABlockedPromptWithAContentFilterError) {
  const rapidjson::Document fixture = parsed(readFixture("responses/blocked_prompt.json"));
  CountingToolCallIds ids;
  try {
    translateChatResponse(providers::toJson(fixture["gemini_response"]), options(), ids);
    ADD_FAILURE() << "a blocked prompt was answered";
  } catch (const ClientError& error) {
    EXPECT_EQ(error.error().status, 400);
    EXPECT_TRUE(sameJson(providers::openAiErrorBody(error.error()), fixture["openai_error"]));
  }
}

TEST(ChatResponseTest, RefusesAnswersThatAreNotGenerateContentResponses) {
  CountingToolCallIds ids;
  for (const std::string body : {"<html>oops</html>", "{}", R"({"candidates":[]})"}) {
    try {
      translateChatResponse(body, options(), ids);
      ADD_FAILURE() << "accepted " << body;
    } catch (const ClientError& error) {
      EXPECT_EQ(error.error().status, 502) << body;
      EXPECT_EQ(error.status(), GH_ERROR_UPSTREAM);
      EXPECT_EQ(error.error().message.rfind("provider 'google' answered with ", 0), 0u)
          << error.error().message;
    }
  }
}

} // namespace
} // namespace gatehouse::plugins::gemini
