// Usage of real requests reaches the SQLite store exactly once, through the usage writer.
#include <signal.h>

#include "running_gateway.hpp"
#include "stored_usage.hpp"

namespace gatehouse::testing {
namespace {

using namespace std::chrono_literals;

struct Tokens {
  std::uint64_t prompt = 0;
  std::uint64_t completion = 0;
};

Tokens tokensOf(const rapidjson::Value& usage) {
  return {usage["prompt_tokens"].GetUint64(), usage["completion_tokens"].GetUint64()};
}

class UsageRecording : public ::testing::Test {
protected:
  void SetUp() override {
    config_.sqlitePath = "usage.db";
    gateway_ = std::make_unique<GatewayProcess>(config_.json(), GatewayProcess::serveArgs());
    port_ = gateway_->waitUntilListening();
    ASSERT_NE(port_, 0) << gateway_->output();
  }

  RawResponse chat(const std::string& requestId, const std::string& body) {
    return roundTrip(port_, buildRequest("POST", "/v1/chat/completions",
                                         {{"Content-Type", "application/json"}, {"X-Request-Id", requestId}},
                                         body));
  }

  // Stops the gateway gracefully and opens what it left behind.
  std::unique_ptr<store::Store> stopAndOpenStore() {
    gateway_->sendSignal(SIGTERM);
    EXPECT_EQ(gateway_->waitForExit(20s), 0) << gateway_->output();
    return openSqliteStore(gateway_->workDir() + "/usage.db");
  }

  TestConfig config_;
  std::unique_ptr<GatewayProcess> gateway_;
  std::uint16_t port_ = 0;
};

TEST_F(UsageRecording, EveryRequestIsStoredOnceWithModelProviderAndTokens) {
  std::map<std::string, Tokens> expected;
  for (int i = 0; i < 6; ++i) {
    const std::string id = "plain-" + std::to_string(i);
    const RawResponse response = chat(id, chatBody("mock-echo", "", "message number " + std::to_string(i)));
    ASSERT_EQ(response.status, 200) << response.body;
    EXPECT_EQ(response.header("x-request-id"), id);
    expected[id] = tokensOf(parseJson(response.body)["usage"]);
  }
  for (int i = 0; i < 4; ++i) {
    const std::string id = "stream-" + std::to_string(i);
    const RawResponse response =
        chat(id, chatBody("gpt-4o-mock", R"(,"stream":true,"stream_options":{"include_usage":true})",
                          "streamed words " + std::string(static_cast<std::size_t>(i) * 9, 'x')));
    ASSERT_EQ(response.status, 200) << response.body;
    const auto events = sseData(response.body);
    ASSERT_GE(events.size(), 2u);
    const auto usageChunk = parseJson(events[events.size() - 2]);
    ASSERT_TRUE(usageChunk.HasMember("usage")) << events[events.size() - 2];
    expected[id] = tokensOf(usageChunk["usage"]);
  }

  const auto state = stopAndOpenStore();
  std::int64_t prompt = 0;
  std::int64_t completion = 0;
  for (const auto& [id, tokens] : expected) {
    const auto event = state->usage().find(id);
    ASSERT_TRUE(event) << id << "\n" << gateway_->output();
    EXPECT_EQ(event->requestId, id);
    EXPECT_EQ(event->provider, "mock");
    EXPECT_EQ(event->model, id.rfind("stream", 0) == 0 ? "gpt-4o-mock" : "mock-echo");
    EXPECT_EQ(event->upstreamModel, "echo-1");
    EXPECT_EQ(event->streamed, id.rfind("stream", 0) == 0) << id;
    EXPECT_EQ(event->httpStatus, 200);
    EXPECT_EQ(event->usage.prompt_tokens, tokens.prompt) << id;
    EXPECT_EQ(event->usage.completion_tokens, tokens.completion) << id;
    EXPECT_EQ(event->costMicroUsd, -1); // no billing plugin
    prompt += static_cast<std::int64_t>(tokens.prompt);
    completion += static_cast<std::int64_t>(tokens.completion);
  }
  // The rollups count each request once: no loss, no double counting.
  const store::UsageAggregate totals = usageTotals(*state);
  EXPECT_EQ(totals.requests, 10);
  EXPECT_EQ(totals.promptTokens, prompt);
  EXPECT_EQ(totals.completionTokens, completion);
}

TEST_F(UsageRecording, FailedRequestsAreRecordedWithTheirStatus) {
  const RawResponse response = chat("bad-input", R"({"model":"mock-echo","messages":[{"role":"system"}]})");
  ASSERT_EQ(response.status, 400) << response.body;
  const auto state = stopAndOpenStore();
  const auto event = state->usage().find("bad-input");
  ASSERT_TRUE(event) << gateway_->output();
  EXPECT_EQ(event->httpStatus, 400);
}

TEST_F(UsageRecording, ReadyzChecksTheStore) {
  const RawResponse response = roundTrip(port_, buildRequest("GET", "/readyz"));
  EXPECT_EQ(response.status, 200) << response.body;
  EXPECT_STREQ(parseJson(response.body)["checks"]["store"].GetString(), "ok");
}

} // namespace
} // namespace gatehouse::testing
