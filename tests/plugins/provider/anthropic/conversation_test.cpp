// How OpenAI messages become Anthropic's system and turns, and which messages are refused.
#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include "conversation.hpp"
#include "fixture.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

struct Translated {
  std::string system;
  std::string messages;
};

Translated translate(const std::string& messagesJson) {
  const rapidjson::Document messages = test::parse(messagesJson);
  rapidjson::Document out;
  Conversation conversation = translateConversation(messages, out.GetAllocator());
  return {test::dump(conversation.systemBlocks), test::dump(conversation.messages)};
}

// The message of the 400 for `messagesJson`, or "" when it was accepted.
std::string refusal(const std::string& messagesJson) {
  try {
    translate(messagesJson);
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_INVALID_ARGUMENT);
    return error.what();
  }
  return "";
}

TEST(Conversation, SystemMessagesAnywhereJoinTheSystemBlocksInOrder) {
  const Translated out =
      translate(R"([{"role":"user","content":"a"},{"role":"system","content":"s1"},)"
                R"({"role":"assistant","content":"b"},{"role":"developer","content":"s2"}])");
  EXPECT_EQ(out.system, R"([{"type":"text","text":"s1"},{"type":"text","text":"s2"}])");
  EXPECT_EQ(out.messages, R"([{"role":"user","content":"a"},{"role":"assistant","content":"b"}])");
}

TEST(Conversation, ATurnOfSeveralBlocksStaysAnArray) {
  const Translated out = translate(R"([{"role":"user","content":"a"},{"role":"user","content":"b"}])");
  EXPECT_EQ(out.messages,
            R"([{"role":"user","content":[{"type":"text","text":"a"},{"type":"text","text":"b"}]}])");
}

TEST(Conversation, ASingleTextWithCacheControlStaysABlock) {
  const Translated out = translate(
      R"([{"role":"user","content":[{"type":"text","text":"a","cache_control":{"type":"ephemeral"}}]}])");
  EXPECT_EQ(
      out.messages,
      R"([{"role":"user","content":[{"type":"text","text":"a","cache_control":{"type":"ephemeral"}}]}])");
}

TEST(Conversation, EmptyAssistantTextBesideToolCallsIsLeftOut) {
  const Translated out =
      translate(R"([{"role":"user","content":"q"},)"
                R"({"role":"assistant","content":"","tool_calls":[{"id":"t1","type":"function",)"
                R"("function":{"name":"f","arguments":"{\"a\":[1,2]}"}}]},)"
                R"({"role":"tool","tool_call_id":"t1","content":"r"}])");
  EXPECT_EQ(
      out.messages,
      R"([{"role":"user","content":"q"},)"
      R"({"role":"assistant","content":[{"type":"tool_use","id":"t1","name":"f","input":{"a":[1,2]}}]},)"
      R"({"role":"user","content":[{"type":"tool_result","tool_use_id":"t1","content":"r"}]}])");
}

TEST(Conversation, AnAssistantRefusalPartIsSentBackAsText) {
  const Translated out =
      translate(R"([{"role":"user","content":"q"},)"
                R"({"role":"assistant","content":[{"type":"refusal","refusal":"I can't."}]}])");
  EXPECT_EQ(out.messages, R"([{"role":"user","content":"q"},{"role":"assistant","content":"I can't."}])");
}

TEST(Conversation, RefusesToolCallArgumentsThatAreNotAJsonObject) {
  const std::string prefix =
      R"([{"role":"user","content":"q"},{"role":"assistant","tool_calls":[{"id":"t","type":"function",)"
      R"("function":{"name":"f","arguments":)";
  EXPECT_NE(refusal(prefix + R"("{not json"}}]}])").find("messages[1].tool_calls[0].function.arguments"),
            std::string::npos);
  EXPECT_NE(refusal(prefix + R"("[1,2]"}}]}])").find("must be a JSON object"), std::string::npos);
}

TEST(Conversation, RefusesMalformedMessages) {
  EXPECT_NE(refusal(R"({"role":"user"})").find("'messages'"), std::string::npos);
  EXPECT_NE(refusal(R"(["hi"])").find("'messages[0]'"), std::string::npos);
  EXPECT_NE(refusal(R"([{"content":"x"}])").find("'messages[0].role'"), std::string::npos);
  EXPECT_NE(refusal(R"([{"role":"function","name":"f","content":"x"}])").find("'messages[0].role'"),
            std::string::npos);
  EXPECT_NE(refusal(R"([{"role":"user"}])").find("'messages[0].content'"), std::string::npos);
  EXPECT_NE(refusal(R"([{"role":"user","content":""}])").find("must not be empty"), std::string::npos);
  EXPECT_NE(refusal(R"([{"role":"user","content":42}])").find("'messages[0].content'"), std::string::npos);
  EXPECT_NE(refusal(R"([{"role":"tool","content":"r"}])").find("'messages[0].tool_call_id'"),
            std::string::npos);
  EXPECT_NE(refusal(R"([{"role":"assistant","content":"x","function_call":{"name":"f","arguments":"{}"}}])")
                .find("'messages[0].function_call'"),
            std::string::npos);
  EXPECT_NE(refusal(R"([{"role":"assistant","tool_calls":[{"type":"function","function":{"name":"f",)"
                    R"("arguments":"{}"}}]}])")
                .find("'messages[0].tool_calls[0].id'"),
            std::string::npos);
}

TEST(Conversation, RefusesContentPartsAnthropicCannotRead) {
  EXPECT_NE(
      refusal(
          R"([{"role":"user","content":[{"type":"input_audio","input_audio":{"data":"x","format":"wav"}}]}])")
          .find("'messages[0].content[0].type'"),
      std::string::npos);
  EXPECT_NE(refusal(R"([{"role":"user","content":[{"type":"file","file":{"file_id":"f"}}]}])")
                .find("'file' are not supported"),
            std::string::npos);
  EXPECT_NE(
      refusal(R"([{"role":"system","content":[{"type":"image_url","image_url":{"url":"https://x/y.png"}}]}])")
          .find("'messages[0].content[0].type'"),
      std::string::npos);
  EXPECT_NE(
      refusal(R"([{"role":"user","content":[{"text":"no type"}]}])").find("'messages[0].content[0].type'"),
      std::string::npos);
  EXPECT_NE(refusal(R"([{"role":"user","content":[{"type":"text","text":1}]}])")
                .find("'messages[0].content[0].text'"),
            std::string::npos);
}

TEST(Conversation, RefusesImageUrlsOfOtherSchemes) {
  EXPECT_NE(
      refusal(R"([{"role":"user","content":[{"type":"image_url","image_url":{"url":"http://x/y.png"}}]}])")
          .find("'messages[0].content[0].image_url.url'"),
      std::string::npos);
}

} // namespace
} // namespace gatehouse::plugins::anthropic
