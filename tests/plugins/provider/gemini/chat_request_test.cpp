// Whole-request translation, driven by fixtures holding an OpenAI request and the Gemini
// GenerateContentRequest it must become.
#include <gtest/gtest.h>

#include "chat_request.hpp"
#include "client_error.hpp"
#include "gemini_test_support.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using testing::parsed;
using testing::readFixture;
using testing::sameJson;

class ChatRequestFixtureTest : public ::testing::TestWithParam<std::string> {};

TEST_P(ChatRequestFixtureTest, TranslatesTheOpenAiRequest) {
  const rapidjson::Document fixture = parsed(readFixture("requests/" + GetParam() + ".json"));
  const GeminiChatRequest request = translateChatRequest(providers::toJson(fixture["openai_request"]), {});
  EXPECT_TRUE(sameJson(request.body, fixture["gemini_request"]));
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ChatRequestFixtureTest,
                         ::testing::Values("system_multi_turn", "tools_parallel", "images_audio_files",
                                           "structured_output"));

TEST(ChatRequestTest, SendsTheConfiguredSafetySettings) {
  const std::string settings = R"([{"category":"HARM_CATEGORY_HARASSMENT","threshold":"BLOCK_ONLY_HIGH"}])";
  const GeminiChatRequest request = translateChatRequest(R"({"messages":[{"role":"user","content":"hi"}]})",
                                                         ChatRequestOptions{settings, false});
  EXPECT_TRUE(sameJson(request.body, R"({"contents":[{"role":"user","parts":[{"text":"hi"}]}],
      "safetySettings":[{"category":"HARM_CATEGORY_HARASSMENT","threshold":"BLOCK_ONLY_HIGH"}]})"));
}

TEST(ChatRequestTest, PassesTheThoughtSignatureOptionOn) {
  const GeminiChatRequest request = translateChatRequest(
      R"({"messages":[{"role":"assistant","tool_calls":[{"id":"a","type":"function",
          "function":{"name":"f","arguments":"{}"}}]}]})",
      ChatRequestOptions{{}, true});
  EXPECT_NE(request.body.find("skip_thought_signature_validator"), std::string::npos);
}

TEST(ChatRequestTest, ReadsStreamUsageAndParallelToolCalls) {
  const GeminiChatRequest defaults =
      translateChatRequest(R"({"messages":[{"role":"user","content":"hi"}]})", {});
  EXPECT_FALSE(defaults.includeUsage);
  EXPECT_TRUE(defaults.parallelToolCalls);
  const GeminiChatRequest asked = translateChatRequest(
      R"({"messages":[{"role":"user","content":"hi"}],"stream":true,"stream_options":{"include_usage":true},
          "parallel_tool_calls":false})",
      {});
  EXPECT_TRUE(asked.includeUsage);
  EXPECT_FALSE(asked.parallelToolCalls);
}

providers::OpenAiError refusal(std::string_view body) {
  try {
    translateChatRequest(body, {});
  } catch (const ClientError& error) {
    return error.error();
  }
  ADD_FAILURE() << "accepted: " << body;
  return {};
}

TEST(ChatRequestTest, RefusesMalformedRequests) {
  EXPECT_EQ(refusal("[]").status, 400);
  EXPECT_EQ(refusal("{not json").status, 400);
  EXPECT_EQ(refusal(R"({"model":"x"})").param, "messages");
  EXPECT_EQ(refusal(R"({"messages":[{"role":"user","content":"hi"}],"parallel_tool_calls":"yes"})").param,
            "parallel_tool_calls");
  EXPECT_EQ(
      refusal(R"({"messages":[{"role":"user","content":"hi"}],"stream_options":{"include_usage":1}})").param,
      "stream_options.include_usage");
}

TEST(ChatRequestTest, RefusesUnsupportedFieldsBeforeAnythingElse) {
  EXPECT_EQ(refusal(R"({"logprobs":true,"messages":"not even an array"})").param, "logprobs");
}

} // namespace
} // namespace gatehouse::plugins::gemini
