#include <gtest/gtest.h>

#include <stdexcept>

#include "chat_request.hpp"
#include "json_reader.hpp"

namespace {

using hello::parseChatRequest;

TEST(ChatRequest, TakesTheLastUserMessageAndCountsAllWords) {
  const auto request = parseChatRequest(R"({"model":"m","stream":false,"temperature":0.2,
    "messages":[{"role":"system","content":"be brief please"},
                {"role":"user","content":"first question"},
                {"role":"assistant","content":"an answer","name":"bot"},
                {"role":"user","content":"second one here"}]})");
  EXPECT_EQ(request.lastUserMessage, "second one here");
  EXPECT_EQ(request.promptWords, 3 + 2 + 2 + 3);
}

TEST(ChatRequest, JoinsTheTextPartsOfArrayContent) {
  const auto request = parseChatRequest(R"({"messages":[{"role":"user","content":[
    {"type":"text","text":"look at"},
    {"type":"image_url","image_url":{"url":"https://example.invalid/cat.png"}},
    {"type":"text","text":"this cat"}]}]})");
  EXPECT_EQ(request.lastUserMessage, "look at this cat");
  EXPECT_EQ(request.promptWords, 4);
}

TEST(ChatRequest, NullContentCountsAsEmpty) {
  const auto request = parseChatRequest(R"({"messages":[{"role":"user","content":null}]})");
  EXPECT_EQ(request.lastUserMessage, "");
  EXPECT_EQ(request.promptWords, 0);
}

TEST(ChatRequest, RefusesRequestsItCannotAnswer) {
  for (const char* body :
       {R"([])", R"({})", R"({"messages":[]})", R"({"messages":{}})",
        R"({"messages":[{"role":"system","content":"x"}]})", R"({"messages":["hi"]})",
        R"({"messages":[{"role":1,"content":"x"}]})", R"({"messages":[{"role":"user","content":5}]})"}) {
    EXPECT_THROW(parseChatRequest(body), std::invalid_argument) << body;
  }
}

TEST(ChatRequest, RefusesMalformedJson) {
  for (const char* body : {"", "{", R"({"messages":[{"role":"user","content":"x"}]} trailing)",
                           R"({"messages":[{"role":"user","content":"x"},]})"}) {
    EXPECT_THROW(parseChatRequest(body), hello::JsonError) << body;
  }
}

} // namespace
