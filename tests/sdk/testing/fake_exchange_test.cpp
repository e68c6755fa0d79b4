// The FakeExchange enforces the exchange rules of plugin_abi.h.
#include <gatehouse/testing/fake_exchange.hpp>

#include <gtest/gtest.h>

#include <cstddef>

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
  gh_usage usage{sizeof(gh_usage), 0, 1, 2, 0, 0, 0, 0, 0};
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

} // namespace
