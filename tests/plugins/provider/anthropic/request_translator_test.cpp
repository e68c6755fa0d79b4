// Request translation driven by fixtures/requests/*.json: each holds an OpenAI request
// ("openai") and the exact Anthropic request it must become ("anthropic").
#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include "fixture.hpp"
#include "request_translator.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

using test::dump;
using test::parse;
using test::readFixture;
using test::sameJson;

class RequestFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(RequestFixture, TranslatesToTheDocumentedAnthropicRequest) {
  const rapidjson::Document fixture = parse(readFixture("requests/" + GetParam()));
  ASSERT_TRUE(fixture.IsObject());
  RequestOptions options;
  options.upstreamModel = fixture["upstream_model"].GetString();
  options.stream = fixture.HasMember("stream") && fixture["stream"].GetBool();
  if (fixture.HasMember("default_max_tokens")) {
    options.defaultMaxTokens = fixture["default_max_tokens"].GetInt();
  }
  const TranslatedRequest translated = translateRequest(dump(fixture["openai"]), options);
  EXPECT_TRUE(sameJson(translated.body, fixture["anthropic"])) << fixture["about"].GetString();
  EXPECT_EQ(translated.includeUsage,
            fixture.HasMember("include_usage") && fixture["include_usage"].GetBool());
  if (fixture.HasMember("response_tool")) {
    EXPECT_EQ(translated.responseTool.value_or(""), fixture["response_tool"].GetString());
  } else {
    EXPECT_FALSE(translated.responseTool);
  }
}

INSTANTIATE_TEST_SUITE_P(Fixtures, RequestFixture,
                         ::testing::ValuesIn(test::fixtureNames("requests", ".json")),
                         [](const ::testing::TestParamInfo<std::string>& testInfo) {
                           return testInfo.param.substr(0, testInfo.param.size() - 5);
                         });

TEST(RequestFixtures, AreAllFound) {
  // A fixture directory read from the wrong place would silently run no cases.
  EXPECT_GE(test::fixtureNames("requests", ".json").size(), 10u);
}

RequestOptions options(std::string model = "claude-sonnet-4-20250514") {
  RequestOptions out;
  out.upstreamModel = std::move(model);
  return out;
}

gh_status statusOf(const std::string& body) {
  try {
    translateRequest(body, options());
  } catch (const sdk::Error& error) {
    return error.status();
  }
  return GH_OK;
}

TEST(RequestTranslator, RefusesABodyThatIsNotAJsonObject) {
  EXPECT_EQ(statusOf("not json"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(statusOf("[1,2]"), GH_ERROR_INVALID_ARGUMENT);
}

TEST(RequestTranslator, RefusesARequestWithoutMessages) {
  EXPECT_EQ(statusOf(R"({"model":"m"})"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(statusOf(R"({"model":"m","messages":[{"role":"system","content":"only a system prompt"}]})"),
            GH_ERROR_INVALID_ARGUMENT);
}

// Anthropic accepts temperatures from 0 to 1 only; OpenAI from 0 to 2.
TEST(RequestTranslator, RefusesTemperaturesAnthropicCannotTake) {
  const std::string prefix = R"({"messages":[{"role":"user","content":"x"}],"temperature":)";
  EXPECT_EQ(statusOf(prefix + "1.5}"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(statusOf(prefix + "-0.1}"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(statusOf(prefix + "\"hot\"}"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(statusOf(prefix + "1}"), GH_OK);
  EXPECT_EQ(statusOf(prefix + "0}"), GH_OK);
}

TEST(RequestTranslator, TheTemperatureMessageNamesTheParameter) {
  try {
    translateRequest(R"({"messages":[{"role":"user","content":"x"}],"temperature":2})", options());
    FAIL() << "a temperature of 2 was accepted";
  } catch (const sdk::Error& error) {
    EXPECT_NE(std::string(error.what()).find("'temperature'"), std::string::npos) << error.what();
  }
}

TEST(RequestTranslator, RefusesBadTopPMaxTokensStopAndUser) {
  const std::string messages = R"({"messages":[{"role":"user","content":"x"}],)";
  EXPECT_EQ(statusOf(messages + R"("top_p":1.2})"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(statusOf(messages + R"("max_tokens":0})"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(statusOf(messages + R"("max_completion_tokens":"many"})"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(statusOf(messages + R"("stop":[1]})"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(statusOf(messages + R"("stop":5})"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(statusOf(messages + R"("user":42})"), GH_ERROR_INVALID_ARGUMENT);
}

TEST(RequestTranslator, NullFieldsMeanNotGiven) {
  const TranslatedRequest translated =
      translateRequest(R"({"messages":[{"role":"user","content":"x"}],"temperature":null,"stop":null,)"
                       R"("max_tokens":null,"tools":null,"n":null,"response_format":null,"user":null})",
                       options("claude-3-haiku-20240307"));
  const rapidjson::Document body = parse(translated.body);
  EXPECT_FALSE(body.HasMember("temperature"));
  EXPECT_FALSE(body.HasMember("stop_sequences"));
  EXPECT_FALSE(body.HasMember("tools"));
  EXPECT_FALSE(body.HasMember("metadata"));
  EXPECT_EQ(body["max_tokens"].GetInt(), 4096);
}

TEST(RequestTranslator, SafetyIdentifierIsTheUserWhenNoUserIsGiven) {
  const TranslatedRequest translated = translateRequest(
      R"({"messages":[{"role":"user","content":"x"}],"safety_identifier":"hash-1"})", options());
  EXPECT_STREQ(parse(translated.body)["metadata"]["user_id"].GetString(), "hash-1");
}

TEST(RequestTranslator, AnEmptyStopArraySendsNoStopSequences) {
  const TranslatedRequest translated =
      translateRequest(R"({"messages":[{"role":"user","content":"x"}],"stop":[]})", options());
  EXPECT_FALSE(parse(translated.body).HasMember("stop_sequences"));
}

TEST(RequestTranslator, IncludeUsageCountsOnlyForStreams) {
  const std::string body =
      R"({"messages":[{"role":"user","content":"x"}],"stream_options":{"include_usage":true}})";
  EXPECT_FALSE(translateRequest(body, options()).includeUsage);
  RequestOptions streamed = options();
  streamed.stream = true;
  const TranslatedRequest translated = translateRequest(body, streamed);
  EXPECT_TRUE(translated.includeUsage);
  EXPECT_TRUE(parse(translated.body)["stream"].GetBool());
}

} // namespace
} // namespace gatehouse::plugins::anthropic
