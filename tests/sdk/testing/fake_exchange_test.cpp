// The FakeExchange enforces the exchange rules of plugin_abi.h.
#include <gatehouse/testing/fake_exchange.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <vector>

namespace {

using gatehouse::testing::FakeExchange;

TEST(FakeExchange, DefaultsToAWholeChatCompletion) {
  const FakeExchange exchange;
  EXPECT_EQ(exchange.endpoint(), GH_ENDPOINT_CHAT_COMPLETIONS);
  EXPECT_FALSE(exchange.wantsStream());
  EXPECT_EQ(exchange.requestBody(), "{}");
  EXPECT_FALSE(exchange.responded());
  EXPECT_FALSE(exchange.streamed());
  EXPECT_FALSE(exchange.usage().has_value());
}

TEST(FakeExchange, SecondRespondIsRefusedAndCounted) {
  FakeExchange exchange;
  EXPECT_EQ(exchange.respond(200, "application/json", "{\"a\":1}"), GH_OK);
  EXPECT_EQ(exchange.respond(500, "text/plain", "again"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(exchange.refusedCalls(), 1);
  EXPECT_EQ(exchange.status(), 200);
  EXPECT_EQ(exchange.contentType(), "application/json");
  EXPECT_EQ(exchange.responseBody(), "{\"a\":1}");
}

TEST(FakeExchange, RespondAndStreamExcludeEachOther) {
  FakeExchange streamed;
  EXPECT_EQ(streamed.streamEvent("{}"), GH_OK);
  EXPECT_EQ(streamed.respond(200, "application/json", "{}"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_FALSE(streamed.responded());

  FakeExchange whole;
  EXPECT_EQ(whole.respond(200, "application/json", "{}"), GH_OK);
  EXPECT_EQ(whole.streamEvent("{}"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_TRUE(whole.events().empty());
  EXPECT_EQ(whole.refusedCalls(), 1);
}

TEST(FakeExchange, ClientLeavesAfterTheGivenNumberOfEvents) {
  FakeExchange exchange;
  exchange.disconnectAfter(2);
  EXPECT_EQ(exchange.streamEvent("1"), GH_OK);
  EXPECT_EQ(exchange.streamEvent("2"), GH_OK);
  EXPECT_FALSE(exchange.cancelled());
  EXPECT_EQ(exchange.streamEvent("3"), GH_ERROR_CANCELLED);
  EXPECT_EQ(exchange.streamEvent("4"), GH_ERROR_CANCELLED);
  EXPECT_TRUE(exchange.cancelled());
  EXPECT_EQ(exchange.events(), (std::vector<std::string>{"1", "2"}));
}

TEST(FakeExchange, LastUsageReportWins) {
  FakeExchange exchange;
  gh_usage usage{sizeof(gh_usage), 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, GH_IMAGE_QUALITY_UNKNOWN, 0};
  EXPECT_EQ(exchange.reportUsage(&usage), GH_OK);
  usage.completion_tokens = 9;
  EXPECT_EQ(exchange.reportUsage(&usage), GH_OK);
  EXPECT_EQ(exchange.usageReports(), 2);
  EXPECT_EQ(exchange.usage()->completion_tokens, 9);
  EXPECT_EQ(exchange.reportUsage(nullptr), GH_ERROR_INVALID_ARGUMENT);
}

TEST(FakeExchange, UsageFromAnOlderSmallerStructReadsUnknownFieldsAsZero) {
  FakeExchange exchange;
  gh_usage usage{};
  usage.prompt_tokens = 5;
  usage.completion_tokens = 6;
  usage.characters = 77; // beyond what the "older" struct below covers
  usage.struct_size = offsetof(gh_usage, cached_prompt_tokens);
  EXPECT_EQ(exchange.reportUsage(&usage), GH_OK);
  EXPECT_EQ(exchange.usage()->prompt_tokens, 5);
  EXPECT_EQ(exchange.usage()->completion_tokens, 6);
  EXPECT_EQ(exchange.usage()->characters, 0);
  EXPECT_EQ(exchange.usage()->struct_size, sizeof(gh_usage));
}

TEST(FakeExchange, RequestHeadersAreCaseInsensitiveAndCredentialsReadAsAbsent) {
  FakeExchange exchange;
  exchange.setHeader("Content-Type", "application/json")
      .setHeader("X-Trace", "t1")
      .setHeader("x-trace", "t2");
  for (const char* credential :
       {"Authorization", "proxy-authorization", "COOKIE", "X-Api-Key", "x-goog-api-key", "api-key"}) {
    exchange.setHeader(credential, "secret-value");
    EXPECT_EQ(exchange.requestHeader(credential), "") << credential;
  }
  EXPECT_EQ(exchange.requestHeader("content-type"), "application/json");
  EXPECT_EQ(exchange.requestHeader("X-TRACE"), "t1");
  EXPECT_EQ(exchange.requestHeader("x-absent"), "");
}

TEST(FakeExchange, FormFieldsComeFromTheMultipartBody) {
  FakeExchange exchange;
  gatehouse::testing::FakeMultipartForm form;
  form.field("model", "whisper").file("file", "a.wav", "audio/wav", "RIFF");
  exchange.setForm(form);
  EXPECT_EQ(exchange.requestHeader("content-type"), form.contentType());
  const auto model = exchange.formField("model");
  ASSERT_TRUE(model);
  EXPECT_EQ(*model, "whisper");
  EXPECT_EQ(model->data(), exchange.requestBody().data() + exchange.requestBody().find("whisper"));
  EXPECT_EQ(*exchange.formField("file"), "RIFF");
  EXPECT_FALSE(exchange.formField("language"));

  FakeExchange json;
  json.setBody(R"({"model":"x"})").setHeader("Content-Type", "application/json");
  EXPECT_FALSE(json.formField("model"));
}

TEST(FakeExchange, RawStreamRecordsStatusTypeAndWrites) {
  FakeExchange exchange;
  EXPECT_EQ(exchange.streamBegin(206, "audio/mpeg"), GH_OK);
  EXPECT_EQ(exchange.streamWrite("ab"), GH_OK);
  EXPECT_EQ(exchange.streamWrite("cd"), GH_OK);
  EXPECT_TRUE(exchange.rawStarted());
  EXPECT_EQ(exchange.status(), 206);
  EXPECT_EQ(exchange.contentType(), "audio/mpeg");
  EXPECT_EQ(exchange.rawWrites(), (std::vector<std::string>{"ab", "cd"}));
  EXPECT_EQ(exchange.rawBody(), "abcd");
  EXPECT_EQ(exchange.refusedCalls(), 0);
}

TEST(FakeExchange, RawStreamExcludesEveryOtherKindOfResponse) {
  FakeExchange raw;
  ASSERT_EQ(raw.streamBegin(200, "audio/mpeg"), GH_OK);
  EXPECT_EQ(raw.streamBegin(200, "audio/mpeg"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(raw.respond(200, "application/json", "{}"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(raw.streamEvent("{}"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(raw.refusedCalls(), 3);

  FakeExchange responded;
  ASSERT_EQ(responded.respond(200, "application/json", "{}"), GH_OK);
  EXPECT_EQ(responded.streamBegin(200, "audio/mpeg"), GH_ERROR_INVALID_ARGUMENT);
  FakeExchange events;
  ASSERT_EQ(events.streamEvent("{}"), GH_OK);
  EXPECT_EQ(events.streamBegin(200, "audio/mpeg"), GH_ERROR_INVALID_ARGUMENT);
  FakeExchange notBegun;
  EXPECT_EQ(notBegun.streamWrite("x"), GH_ERROR_INVALID_ARGUMENT);
  FakeExchange badStatus;
  EXPECT_EQ(badStatus.streamBegin(99, "audio/mpeg"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(badStatus.streamBegin(600, "audio/mpeg"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_FALSE(badStatus.rawStarted());
}

TEST(FakeExchange, ClientLeavesAfterTheGivenNumberOfRawWrites) {
  FakeExchange exchange;
  exchange.disconnectAfter(1);
  ASSERT_EQ(exchange.streamBegin(200, "audio/mpeg"), GH_OK);
  EXPECT_EQ(exchange.streamWrite("1"), GH_OK);
  EXPECT_EQ(exchange.streamWrite("2"), GH_ERROR_CANCELLED);
  EXPECT_TRUE(exchange.cancelled());
  EXPECT_EQ(exchange.rawBody(), "1");
}

TEST(FakeExchange, UsageKeepsTheImageFieldsOfAbi11) {
  FakeExchange exchange;
  gh_usage usage{};
  usage.struct_size = sizeof usage;
  usage.images = 2;
  usage.image_width = 1024;
  usage.image_height = 1792;
  usage.image_quality = GH_IMAGE_QUALITY_HIGH;
  ASSERT_EQ(exchange.reportUsage(&usage), GH_OK);
  EXPECT_EQ(exchange.usage()->image_width, 1024);
  EXPECT_EQ(exchange.usage()->image_height, 1792);
  EXPECT_EQ(exchange.usage()->image_quality, GH_IMAGE_QUALITY_HIGH);
}

} // namespace
