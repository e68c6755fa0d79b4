// Response translation driven by fixtures/responses/*.json: an Anthropic message
// ("anthropic") and the exact chat.completion it must become ("openai").
#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include "fixture.hpp"
#include "response_translator.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

using test::parse;
using test::readFixture;

ReplyContext context() {
  ReplyContext out;
  out.identity = {"chatcmpl-req-1", 1700000000, "claude-test"};
  out.providerName = "claude-prod";
  return out;
}

class ResponseFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(ResponseFixture, TranslatesToTheExpectedCompletion) {
  const rapidjson::Document fixture = parse(readFixture("responses/" + GetParam()));
  ASSERT_TRUE(fixture.IsObject());
  ReplyContext reply = context();
  if (fixture.HasMember("response_tool")) {
    reply.responseTool = fixture["response_tool"].GetString();
  }
  const TranslatedResponse translated = translateResponse(test::dump(fixture["anthropic"]), reply);
  EXPECT_TRUE(test::sameJson(translated.body, fixture["openai"])) << fixture["about"].GetString();
  const rapidjson::Value& usage = fixture["openai"]["usage"];
  EXPECT_EQ(translated.usage.promptTokens, usage["prompt_tokens"].GetInt64());
  EXPECT_EQ(translated.usage.completionTokens, usage["completion_tokens"].GetInt64());
  EXPECT_EQ(translated.usage.cachedTokens, usage["prompt_tokens_details"]["cached_tokens"].GetInt64());
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ResponseFixture,
                         ::testing::ValuesIn(test::fixtureNames("responses", ".json")),
                         [](const ::testing::TestParamInfo<std::string>& testInfo) {
                           return testInfo.param.substr(0, testInfo.param.size() - 5);
                         });

TEST(ResponseFixtures, AreAllFound) {
  EXPECT_GE(test::fixtureNames("responses", ".json").size(), 6u);
}

TEST(ResponseTranslator, AnUnreadableAnswerIsAnUpstreamFailureNamingTheProvider) {
  for (const char* body : {"<html>oops</html>", "[]", R"({"type":"message"})", R"({"content":"text"})"}) {
    try {
      translateResponse(body, context());
      FAIL() << body << " was accepted";
    } catch (const sdk::Error& error) {
      EXPECT_EQ(error.status(), GH_ERROR_UPSTREAM);
      EXPECT_NE(std::string(error.what()).find("'claude-prod'"), std::string::npos) << error.what();
    }
  }
}

TEST(ResponseTranslator, AResponseToolBesideAClientToolCallStillFinishesWithToolCalls) {
  ReplyContext reply = context();
  reply.responseTool = "answer";
  const TranslatedResponse translated = translateResponse(
      R"({"type":"message","content":[{"type":"tool_use","id":"t1","name":"lookup","input":{}}],)"
      R"("stop_reason":"tool_use","usage":{"input_tokens":1,"output_tokens":1}})",
      reply);
  const rapidjson::Document body = parse(translated.body);
  EXPECT_STREQ(body["choices"][0]["finish_reason"].GetString(), "tool_calls");
  EXPECT_STREQ(body["choices"][0]["message"]["tool_calls"][0]["function"]["name"].GetString(), "lookup");
}

TEST(ResponseTranslator, KeepsMultiByteTextIntact) {
  const TranslatedResponse translated = translateResponse(
      R"({"type":"message","content":[{"type":"text","text":"Grüße 日本 🎉 \u00e9"}],"stop_reason":"end_turn"})",
      context());
  EXPECT_STREQ(parse(translated.body)["choices"][0]["message"]["content"].GetString(), "Grüße 日本 🎉 é");
}

} // namespace
} // namespace gatehouse::plugins::anthropic
