#include <gtest/gtest.h>

#include "client_error.hpp"
#include "gemini_test_support.hpp"
#include "message_translator.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using testing::parsed;
using testing::sameJson;

std::string translated(std::string_view messages, MessageOptions options = {}) {
  rapidjson::Document request(rapidjson::kObjectType);
  translateMessages(parsed(messages), options, request, request.GetAllocator());
  return providers::toJson(request);
}

providers::OpenAiError refusal(std::string_view messages) {
  try {
    translated(messages);
  } catch (const ClientError& error) {
    return error.error();
  }
  ADD_FAILURE() << "accepted: " << messages;
  return {};
}

TEST(MessageTranslatorTest, CollectsSystemAndDeveloperMessagesIntoTheSystemInstruction) {
  EXPECT_TRUE(sameJson(translated(R"([{"role":"system","content":"Be brief."},{"role":"user","content":"Hi"},
                                      {"role":"developer",
                                       "content":[{"type":"text","text":"Use French."}]}])"),
                       R"({"contents":[{"role":"user","parts":[{"text":"Hi"}]}],
                           "systemInstruction":{"parts":[{"text":"Be brief."},{"text":"Use French."}]}})"));
}

TEST(MessageTranslatorTest, MapsRolesAndMergesConsecutiveTurns) {
  EXPECT_TRUE(sameJson(translated(R"([{"role":"user","content":"a"},{"role":"user","content":"b"},
                                      {"role":"assistant","content":"c","name":"bot"},
                                      {"role":"user","content":"d"}])"),
                       R"({"contents":[{"role":"user","parts":[{"text":"a"},{"text":"b"}]},
                                       {"role":"model","parts":[{"text":"c"}]},
                                       {"role":"user","parts":[{"text":"d"}]}]})"));
}

TEST(MessageTranslatorTest, LeavesOutTurnsWithoutParts) {
  EXPECT_TRUE(sameJson(translated(R"([{"role":"user","content":"a"},{"role":"assistant","content":""},
                                      {"role":"user","content":"b"}])"),
                       R"({"contents":[{"role":"user","parts":[{"text":"a"},{"text":"b"}]}]})"));
}

TEST(MessageTranslatorTest, TurnsToolCallsAndResultsIntoFunctionParts) {
  EXPECT_TRUE(sameJson(translated(R"([{"role":"user","content":"weather?"},
        {"role":"assistant","content":null,"tool_calls":[
          {"id":"call_a","type":"function","function":{"name":"weather","arguments":"{\"city\":\"Bern\"}"}},
          {"id":"call_b","type":"function","function":{"name":"time","arguments":""}}]},
        {"role":"tool","tool_call_id":"call_b","content":"12:00"},
        {"role":"tool","tool_call_id":"call_a","content":"{\"celsius\":21}"}])"),
                       R"({"contents":[{"role":"user","parts":[{"text":"weather?"}]},
          {"role":"model","parts":[{"functionCall":{"name":"weather","args":{"city":"Bern"}}},
                                   {"functionCall":{"name":"time","args":{}}}]},
          {"role":"user","parts":[{"functionResponse":{"name":"time","response":{"content":"12:00"}}},
                                  {"functionResponse":{"name":"weather","response":{"celsius":21}}}]}]})"));
}

TEST(MessageTranslatorTest, WrapsToolResultsThatAreNotJsonObjects) {
  EXPECT_TRUE(sameJson(translated(R"([{"role":"assistant","tool_calls":[{"id":"c","type":"function",
                       "function":{"name":"f","arguments":"{}"}}]},
                     {"role":"tool","tool_call_id":"c",
                      "content":[{"type":"text","text":"[1,"},{"type":"text","text":"2]"}]}])"),
                       R"({"contents":[{"role":"model","parts":[{"functionCall":{"name":"f","args":{}}}]},
          {"role":"user","parts":[{"functionResponse":{"name":"f","response":{"content":"[1,2]"}}}]}]})"));
}

TEST(MessageTranslatorTest, PassesThoughtSignaturesBack) {
  EXPECT_TRUE(sameJson(translated(R"([{"role":"assistant","tool_calls":[{"id":"c","type":"function",
                       "function":{"name":"f","arguments":"{}"},
                       "extra_content":{"google":{"thought_signature":"c2lnbmF0dXJl"}}}]}])"),
                       R"({"contents":[{"role":"model","parts":[{"functionCall":{"name":"f","args":{}},
                                                "thoughtSignature":"c2lnbmF0dXJl"}]}]})"));
}

TEST(MessageTranslatorTest, FillsMissingSignaturesOnTheFirstCallOfATurnWhenConfigured) {
  const std::string messages = R"([{"role":"assistant","tool_calls":[
      {"id":"a","type":"function","function":{"name":"f","arguments":"{}"}},
      {"id":"b","type":"function","function":{"name":"g","arguments":"{}"}}]}])";
  EXPECT_TRUE(sameJson(translated(messages, MessageOptions{true}),
                       R"({"contents":[{"role":"model","parts":[
                           {"functionCall":{"name":"f","args":{}},
                            "thoughtSignature":"skip_thought_signature_validator"},
                           {"functionCall":{"name":"g","args":{}}}]}]})"));
  EXPECT_EQ(translated(messages).find("thoughtSignature"), std::string::npos);
}

TEST(MessageTranslatorTest, RefusesArgumentsThatAreNotAJsonObject) {
  const auto invalid = refusal(R"([{"role":"assistant","tool_calls":[{"id":"c","type":"function",
                                    "function":{"name":"f","arguments":"{not json"}}]}])");
  EXPECT_EQ(invalid.status, 400);
  EXPECT_EQ(invalid.param, "messages[0].tool_calls[0].function.arguments");
  EXPECT_NE(invalid.message.find("not valid JSON"), std::string::npos);
  EXPECT_EQ(refusal(R"([{"role":"assistant","tool_calls":[{"id":"c","type":"function",
                         "function":{"name":"f","arguments":"[1]"}}]}])")
                .param,
            "messages[0].tool_calls[0].function.arguments");
}

TEST(MessageTranslatorTest, RefusesToolResultsForUnknownCalls) {
  const auto error =
      refusal(R"([{"role":"user","content":"x"},{"role":"tool","tool_call_id":"call_zz","content":"1"}])");
  EXPECT_EQ(error.param, "messages[1].tool_call_id");
  EXPECT_NE(error.message.find("'call_zz'"), std::string::npos);
}

TEST(MessageTranslatorTest, RefusesMalformedMessages) {
  EXPECT_EQ(refusal(R"([{"role":"robot","content":"x"}])").param, "messages[0].role");
  EXPECT_EQ(refusal(R"([{"content":"x"}])").param, "messages[0].role");
  EXPECT_EQ(refusal(R"(["x"])").param, "messages[0]");
  EXPECT_EQ(refusal(R"([{"role":"function","name":"f","content":"x"}])").param, "messages[0].role");
  EXPECT_EQ(refusal(R"([{"role":"assistant","function_call":{"name":"f","arguments":"{}"}}])").param,
            "messages[0].function_call");
  EXPECT_EQ(refusal(R"([{"role":"assistant","tool_calls":[{"id":"c","type":"custom"}]}])").param,
            "messages[0].tool_calls[0].type");
  EXPECT_EQ(refusal(R"({"role":"user"})").param, "messages");
}

TEST(MessageTranslatorTest, RefusesAConversationWithoutTurns) {
  const auto error = refusal(R"([{"role":"system","content":"only rules"}])");
  EXPECT_EQ(error.param, "messages");
}

} // namespace
} // namespace gatehouse::plugins::gemini
