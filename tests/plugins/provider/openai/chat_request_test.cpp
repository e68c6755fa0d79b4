// The chat request's patching rules alone.
#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include "chat_request.hpp"

namespace gatehouse::plugins::openai {
namespace {

TEST(ChatRequest, OnlyTheModelChangesWhenNotStreaming) {
  const ChatRequest request = prepareChatRequest(
      R"({"model":"a","messages":[],"stream_options":{"include_usage":true},"x":1.5})", "b", false, true);
  EXPECT_EQ(request.body, R"({"model":"b","messages":[],"stream_options":{"include_usage":true},"x":1.5})");
  EXPECT_TRUE(request.clientWantsUsage);
}

TEST(ChatRequest, NullStreamOptionsBecomeAnObjectWhenUsageIsWanted) {
  const ChatRequest request = prepareChatRequest(R"({"messages":[],"stream_options":null})", "m", true, true);
  EXPECT_EQ(request.body, R"({"messages":[],"stream_options":{"include_usage":true},"model":"m"})");
  EXPECT_FALSE(request.clientWantsUsage);
}

TEST(ChatRequest, NumbersAndEscapesKeepTheirValue) {
  const ChatRequest request = prepareChatRequest(
      R"({"messages":[{"role":"user","content":"tab\t \u2028 \ud83d\ude00"}],"temperature":0.1,)"
      R"("seed":-9223372036854775808,"big":18446744073709551615,"e":1.5e300})",
      "m", false, true);
  EXPECT_EQ(request.body,
            "{\"messages\":[{\"role\":\"user\",\"content\":\"tab\\t \xE2\x80\xA8 \xF0\x9F\x98\x80\"}],"
            "\"temperature\":0.1,\"seed\":-9223372036854775808,\"big\":18446744073709551615,\"e\":1.5e300,"
            "\"model\":\"m\"}");
}

TEST(ChatRequest, RefusesWhatCannotBeForwarded) {
  for (const char* body : {"", "null", R"({"messages":"hi"})", R"({"messages":[],"stream_options":[]})"}) {
    try {
      prepareChatRequest(body, "m", true, true);
      FAIL() << body;
    } catch (const sdk::Error& error) {
      EXPECT_EQ(error.status(), GH_ERROR_INVALID_ARGUMENT) << body;
    }
  }
}

} // namespace
} // namespace gatehouse::plugins::openai
