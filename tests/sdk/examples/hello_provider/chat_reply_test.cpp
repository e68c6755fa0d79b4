#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>
#include <vector>

#include "chat_reply.hpp"

namespace {

using hello::ChatReply;

rapidjson::Document parse(const std::string& json) {
  rapidjson::Document document;
  document.Parse(json.c_str(), json.size());
  EXPECT_FALSE(document.HasParseError()) << json;
  return document;
}

TEST(ChatReply, CompletionHasTheOpenAiShape) {
  const ChatReply reply("chatcmpl-r1", 1700000000, "hello-model");
  const auto doc = parse(reply.completion("Hi \"you\"", 4, 2));
  EXPECT_STREQ(doc["id"].GetString(), "chatcmpl-r1");
  EXPECT_STREQ(doc["object"].GetString(), "chat.completion");
  EXPECT_EQ(doc["created"].GetInt64(), 1700000000);
  EXPECT_STREQ(doc["model"].GetString(), "hello-model");
  const auto& choice = doc["choices"][0];
  EXPECT_EQ(choice["index"].GetInt(), 0);
  EXPECT_STREQ(choice["message"]["role"].GetString(), "assistant");
  EXPECT_STREQ(choice["message"]["content"].GetString(), "Hi \"you\"");
  EXPECT_STREQ(choice["finish_reason"].GetString(), "stop");
  EXPECT_EQ(doc["usage"]["prompt_tokens"].GetInt(), 4);
  EXPECT_EQ(doc["usage"]["completion_tokens"].GetInt(), 2);
  EXPECT_EQ(doc["usage"]["total_tokens"].GetInt(), 6);
}

TEST(ChatReply, ChunksHaveTheOpenAiShape) {
  const ChatReply reply("chatcmpl-r2", 5, "m");
  const auto role = parse(reply.roleChunk());
  EXPECT_STREQ(role["object"].GetString(), "chat.completion.chunk");
  EXPECT_STREQ(role["choices"][0]["delta"]["role"].GetString(), "assistant");
  EXPECT_TRUE(role["choices"][0]["finish_reason"].IsNull());

  const auto content = parse(reply.contentChunk("new\nline "));
  EXPECT_STREQ(content["choices"][0]["delta"]["content"].GetString(), "new\nline ");
  EXPECT_FALSE(content["choices"][0]["delta"].HasMember("role"));

  const auto last = parse(reply.finalChunk());
  EXPECT_TRUE(last["choices"][0]["delta"].ObjectEmpty());
  EXPECT_STREQ(last["choices"][0]["finish_reason"].GetString(), "stop");
  EXPECT_STREQ(last["id"].GetString(), "chatcmpl-r2");
}

TEST(ChatReply, PiecesKeepTheirWhitespaceAndConcatenateBack) {
  EXPECT_EQ(ChatReply::pieces("Hello there  world"),
            (std::vector<std::string_view>{"Hello ", "there  ", "world"}));
  EXPECT_EQ(ChatReply::pieces(" lead\ttab\n"), (std::vector<std::string_view>{" lead\t", "tab\n"}));
  EXPECT_TRUE(ChatReply::pieces("").empty());
  EXPECT_EQ(ChatReply::pieces("   "), (std::vector<std::string_view>{"   "}));
}

} // namespace
