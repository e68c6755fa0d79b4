#include <gatehouse/gateway/pipeline_exchange.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <gatehouse_test/fake_response_sink.hpp>

#include "fake_provider.hpp"

namespace gatehouse::gateway {
namespace {

class PipelineExchangeTest : public ::testing::Test {
protected:
  testing::FakeClientRequest client_;
  http::IncomingRequest request_{client_, R"({"model":"m"})", "req-1", 1700000000000};
  ChatRequest chat_{"public-model", true};
  ModelRoute route_{"canonical", "upstream-x", std::make_shared<testing::FakeProvider>("p")};
  testing::FakeResponseSink sink_;
  PipelineExchange exchange_{request_, chat_, route_, sink_};
};

TEST_F(PipelineExchangeTest, DescribesTheRequest) {
  EXPECT_EQ(exchange_.endpoint(), GH_ENDPOINT_CHAT_COMPLETIONS);
  EXPECT_EQ(exchange_.requestBody(), R"({"model":"m"})");
  EXPECT_EQ(exchange_.model(), "public-model");
  EXPECT_EQ(exchange_.upstreamModel(), "upstream-x");
  EXPECT_TRUE(exchange_.wantsStream());
  EXPECT_EQ(exchange_.requestId(), "req-1");
}

TEST_F(PipelineExchangeTest, RespondSendsOnceAndOnlyOnce) {
  EXPECT_EQ(exchange_.respond(201, "application/json", "{}"), GH_OK);
  EXPECT_EQ(sink_.status, 201);
  EXPECT_EQ(sink_.body, "{}");
  EXPECT_EQ(exchange_.state(), PipelineExchange::State::Responded);
  EXPECT_EQ(exchange_.httpStatus(), 201);
  EXPECT_EQ(exchange_.respond(200, "application/json", "again"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(exchange_.streamEvent("{}"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(sink_.body, "{}");
}

TEST_F(PipelineExchangeTest, RespondRefusesAnImpossibleStatus) {
  EXPECT_EQ(exchange_.respond(99, "application/json", "{}"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(exchange_.respond(600, "application/json", "{}"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_FALSE(sink_.started());
}

TEST_F(PipelineExchangeTest, RespondDefaultsTheContentTypeToJson) {
  EXPECT_EQ(exchange_.respond(200, "", "{}"), GH_OK);
  EXPECT_EQ(sink_.contentType, "application/json");
}

TEST_F(PipelineExchangeTest, StreamEventsAreFramedAfterOneStreamStart) {
  EXPECT_EQ(exchange_.streamEvent(R"({"n":1})"), GH_OK);
  EXPECT_EQ(exchange_.streamEvent("{\n\"n\":2}"), GH_OK);
  EXPECT_EQ(sink_.beginCalls, 1);
  EXPECT_EQ(sink_.streamText(), "data: {\"n\":1}\n\ndata: {\ndata: \"n\":2}\n\n");
  EXPECT_EQ(exchange_.state(), PipelineExchange::State::Streaming);
  EXPECT_EQ(exchange_.respond(200, "application/json", "{}"), GH_ERROR_INVALID_ARGUMENT);
}

TEST_F(PipelineExchangeTest, AFailedWriteMeansCancelledFromThenOn) {
  sink_.failAfterWrites = 1;
  EXPECT_EQ(exchange_.streamEvent("a"), GH_OK);
  EXPECT_EQ(exchange_.streamEvent("b"), GH_ERROR_CANCELLED);
  EXPECT_TRUE(exchange_.clientGone());
  EXPECT_EQ(exchange_.streamEvent("c"), GH_ERROR_CANCELLED);
  EXPECT_EQ(sink_.written.size(), 1u);
}

TEST_F(PipelineExchangeTest, AClientGoneBeforeTheStreamStartsIsCancelled) {
  sink_.failBegin = true;
  EXPECT_EQ(exchange_.streamEvent("a"), GH_ERROR_CANCELLED);
  EXPECT_TRUE(exchange_.clientGone());
}

TEST_F(PipelineExchangeTest, KeepsTheLastUsageReport) {
  gh_usage first{sizeof(gh_usage), 0, 1, 2, 0, 0, 0, 0, 0};
  gh_usage second{sizeof(gh_usage), 0, 10, 20, 3, 4, 0, 0, 0};
  EXPECT_EQ(exchange_.reportUsage(first), GH_OK);
  EXPECT_EQ(exchange_.reportUsage(second), GH_OK);
  EXPECT_EQ(exchange_.usage().prompt_tokens, 10);
  EXPECT_EQ(exchange_.usage().completion_tokens, 20);
  EXPECT_EQ(exchange_.usage().cached_prompt_tokens, 3);
  EXPECT_EQ(exchange_.usage().reasoning_tokens, 4);
}

TEST_F(PipelineExchangeTest, ReadsAnOlderSmallerUsageStructOnlyAsFarAsItGoes) {
  gh_usage older{};
  older.struct_size = static_cast<uint32_t>(offsetof(gh_usage, cached_prompt_tokens));
  older.prompt_tokens = 5;
  older.completion_tokens = 6;
  older.cached_prompt_tokens = 99; // beyond the older struct: must not be read
  EXPECT_EQ(exchange_.reportUsage(older), GH_OK);
  EXPECT_EQ(exchange_.usage().prompt_tokens, 5);
  EXPECT_EQ(exchange_.usage().completion_tokens, 6);
  EXPECT_EQ(exchange_.usage().cached_prompt_tokens, 0);
  EXPECT_EQ(exchange_.usage().struct_size, sizeof(gh_usage));
}

TEST_F(PipelineExchangeTest, RefusesAUsageStructTooSmallToHoldTheCounts) {
  gh_usage tiny{};
  tiny.struct_size = 8;
  tiny.prompt_tokens = 5;
  EXPECT_EQ(exchange_.reportUsage(tiny), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(exchange_.usage().prompt_tokens, 0);
}

} // namespace
} // namespace gatehouse::gateway
