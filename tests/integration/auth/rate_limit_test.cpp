// Per-key limits (requests and tokens per minute) answered with 429, Retry-After and the
// OpenAI x-ratelimit-* headers; and failed authentication limited per client address, so
// guessing keys from one address stops while another address is still served.
#include <thread>

#include "key_gateway.hpp"

namespace gatehouse::testing {
namespace {

int retryAfterSeconds(const RawResponse& response) {
  const std::string value = response.header("retry-after");
  EXPECT_FALSE(value.empty()) << "no Retry-After";
  EXPECT_EQ(value.find_first_not_of("0123456789"), std::string::npos) << "Retry-After: " << value;
  return value.empty() ? 0 : std::stoi(value);
}

class KeyLimits : public KeyGatewayTest {};

TEST_F(KeyLimits, ARequestsPerMinuteLimitAdmitsTheBurstThenAnswers429) {
  const auto [id, key] = createKey(R"({"name": "three-a-minute", "limits": {"requests_per_minute": 3}})");
  ASSERT_FALSE(key.empty());
  for (int used = 1; used <= 3; ++used) {
    const RawResponse response = gateway_->chat(key);
    ASSERT_EQ(response.status, 200) << "request " << used << ": " << response.body;
    EXPECT_EQ(response.header("x-ratelimit-limit-requests"), "3");
    EXPECT_EQ(response.header("x-ratelimit-remaining-requests"), std::to_string(3 - used));
    EXPECT_FALSE(response.header("x-ratelimit-reset-requests").empty());
    EXPECT_TRUE(response.header("x-ratelimit-limit-tokens").empty()) << "no token limit is set";
  }
  const RawResponse refused = gateway_->chat(key);
  const std::string message = expectOpenAiError(refused, 429, "rate_limit_exceeded");
  EXPECT_NE(message.find("request"), std::string::npos) << message;
  const int retryAfter = retryAfterSeconds(refused);
  EXPECT_GE(retryAfter, 1);
  EXPECT_LE(retryAfter, 60);
  EXPECT_EQ(refused.header("x-ratelimit-limit-requests"), "3");
  EXPECT_EQ(refused.header("x-ratelimit-remaining-requests"), "0");
  EXPECT_FALSE(refused.header("x-ratelimit-reset-requests").empty());

  // The limit is the key's, not the gateway's.
  EXPECT_EQ(gateway_->chat(adminKey_).status, 200);
}

TEST_F(KeyLimits, ATokensPerMinuteLimitRefusesOnceTheTokensAreUsed) {
  const auto [id, key] = createKey(R"({"name": "few-tokens", "limits": {"tokens_per_minute": 20}})");
  ASSERT_FALSE(key.empty());
  // The mock echoes the prompt: about 30 tokens each way, far over 20.
  const std::string longText = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                               "fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two";
  const RawResponse first = gateway_->chat(key, "mock-echo", longText);
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.header("x-ratelimit-limit-tokens"), "20");
  EXPECT_FALSE(first.header("x-ratelimit-remaining-tokens").empty());

  // The gateway counts a request's tokens when the request finishes, just after its
  // response is written: a client that asks again at once may slip one request in first.
  RawResponse refused = gateway_->chat(key);
  for (int retry = 0; refused.status == 200 && retry < 20; ++retry) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    refused = gateway_->chat(key);
  }
  const std::string message = expectOpenAiError(refused, 429, "rate_limit_exceeded");
  EXPECT_NE(message.find("token"), std::string::npos) << message;
  EXPECT_GE(retryAfterSeconds(refused), 1);
  EXPECT_EQ(refused.header("x-ratelimit-limit-tokens"), "20");
  EXPECT_EQ(refused.header("x-ratelimit-remaining-tokens"), "0");
}

class FailedAuth : public KeyGatewayTest {
protected:
  FailedAuth() { config_.maxFailedAuth = 5; }
};

TEST_F(FailedAuth, GuessingFromOneAddressIsCutOffWhileAnotherAddressIsServed) {
  const Headers wrongKey{{"Authorization", "Bearer ghk_" + std::string(43, 'x')}};
  const Headers goodKey{{"Authorization", "Bearer " + adminKey_}};
  for (int attempt = 1; attempt <= 5; ++attempt) {
    expectOpenAiError(chatFrom("127.0.0.1", gateway_->port(), wrongKey), 401);
  }
  const RawResponse cutOff = chatFrom("127.0.0.1", gateway_->port(), wrongKey);
  expectOpenAiError(cutOff, 429, "too_many_failed_attempts");
  EXPECT_GE(retryAfterSeconds(cutOff), 1);
  // Even a good key from that address waits: the guesser cannot tell a hit from a miss.
  expectOpenAiError(chatFrom("127.0.0.1", gateway_->port(), goodKey), 429, "too_many_failed_attempts");
  // No credential at all is a failure like any other.
  expectOpenAiError(chatFrom("127.0.0.1", gateway_->port(), {}), 429, "too_many_failed_attempts");

  // Another client address is unaffected.
  EXPECT_EQ(chatFrom("127.0.0.2", gateway_->port(), goodKey).status, 200);
  expectOpenAiError(chatFrom("127.0.0.2", gateway_->port(), wrongKey), 401);
}

} // namespace
} // namespace gatehouse::testing
