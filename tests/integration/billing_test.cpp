// A billing plugin (tests/abi/good_billing.c) in the real gateway: admission before routing,
// pricing and recording off the request path, the cost stored with the event.
#include <fstream>
#include <signal.h>
#include <sstream>

#include "running_gateway.hpp"
#include "stored_usage.hpp"

namespace gatehouse::testing {
namespace {

using namespace std::chrono_literals;

std::string readFile(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class Billing : public ::testing::Test {
protected:
  void SetUp() override {
    config_.sqlitePath = "billing.db";
    // The trace file lands in the gateway's temp dir; the plugin resolves it against its cwd.
    // subject_auth lets a request say who it is, so good_billing's refusal can be reached.
    config_.extraPlugins = R"({"name": "who", "path": ")" + std::string(GATEHOUSE_TEST_SUBJECT_AUTH) +
                           R"("}, {"name": "budget", "path": ")" + std::string(GATEHOUSE_TEST_GOOD_BILLING) +
                           R"(", "config": {"trace_file":"billing-trace.txt"}})";
    gateway_ = std::make_unique<GatewayProcess>(config_.json(), GatewayProcess::serveArgs());
    port_ = gateway_->waitUntilListening();
    ASSERT_NE(port_, 0) << gateway_->output();
  }

  RawResponse chat(const std::string& requestId, const std::string& body, const std::string& subject = "user:ok") {
    return roundTrip(port_, buildRequest("POST", "/v1/chat/completions",
                                         {{"Content-Type", "application/json"},
                                          {"X-Request-Id", requestId},
                                          {"Authorization", "Bearer as:" + subject}},
                                         body));
  }

  TestConfig config_;
  std::unique_ptr<GatewayProcess> gateway_;
  std::uint16_t port_ = 0;
};

TEST_F(Billing, AnAdmittedRequestIsPricedRecordedAndStoredWithItsCost) {
  const RawResponse response = chat("priced-1", chatBody());
  ASSERT_EQ(response.status, 200) << response.body;
  const auto usage = parseJson(response.body)["usage"].GetObject();
  // good_billing: 2 micro-USD per prompt token, 3 per completion token.
  const std::int64_t cost = static_cast<std::int64_t>(usage["prompt_tokens"].GetUint64() * 2 +
                                                      usage["completion_tokens"].GetUint64() * 3);

  gateway_->sendSignal(SIGTERM);
  ASSERT_EQ(gateway_->waitForExit(20s), 0) << gateway_->output();
  const auto state = openSqliteStore(gateway_->workDir() + "/billing.db");
  const auto event = state->usage().find("priced-1");
  ASSERT_TRUE(event) << gateway_->output();
  EXPECT_EQ(event->costMicroUsd, cost);
  EXPECT_NE(readFile(gateway_->workDir() + "/billing-trace.txt").find("record priced-1 mock-echo " +
                                                                       std::to_string(cost)),
            std::string::npos)
      << readFile(gateway_->workDir() + "/billing-trace.txt");
}

TEST_F(Billing, ARefusedRequestGets403WithThePluginsReasonAndIsNeitherRoutedNorRecorded) {
  // Admission comes before routing: even an unknown model gets the refusal, not a 404.
  const RawResponse refused = chat("refused-1", chatBody("no-such-model"), "user:broke");
  expectApiError(refused, 403, "request_not_admitted");
  EXPECT_STREQ(parseJson(refused.body)["error"]["type"].GetString(), "permission_error");
  EXPECT_STREQ(parseJson(refused.body)["error"]["message"].GetString(),
               "monthly budget of team team-x is exhausted");

  const RawResponse admitted = chat("admitted-1", chatBody(), "user:rich");
  EXPECT_EQ(admitted.status, 200) << admitted.body;

  gateway_->sendSignal(SIGTERM);
  ASSERT_EQ(gateway_->waitForExit(20s), 0) << gateway_->output();
  const auto state = openSqliteStore(gateway_->workDir() + "/billing.db");
  EXPECT_FALSE(state->usage().find("refused-1"));
  const auto event = state->usage().find("admitted-1");
  ASSERT_TRUE(event) << gateway_->output();
  EXPECT_EQ(event->subject, "user:rich");
  EXPECT_EQ(event->team, "team-x");
  EXPECT_EQ(readFile(gateway_->workDir() + "/billing-trace.txt").find("refused-1"), std::string::npos);
}

} // namespace
} // namespace gatehouse::testing
