#include <gatehouse/gateway/rate_limit_response.hpp>
#include <gatehouse/http/error_writer.hpp>

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <gatehouse_test/fake_response_sink.hpp>
#include <string>

namespace gatehouse::gateway {
namespace {

std::string formatted(std::int64_t milliseconds) {
  std::array<char, 24> buffer{};
  return std::string(formatResetDuration(milliseconds, buffer));
}

TEST(RateLimitResponse, FormatsDurationsLikeOpenAi) {
  EXPECT_EQ(formatted(0), "0s");
  EXPECT_EQ(formatted(-5), "0s");
  EXPECT_EQ(formatted(1), "1ms");
  EXPECT_EQ(formatted(250), "250ms");
  EXPECT_EQ(formatted(999), "999ms");
  EXPECT_EQ(formatted(1000), "1s");
  EXPECT_EQ(formatted(1500), "1.5s");
  EXPECT_EQ(formatted(12'250), "12.25s");
  EXPECT_EQ(formatted(8'007), "8.007s");
  EXPECT_EQ(formatted(59'999), "59.999s");
  EXPECT_EQ(formatted(60'000), "1m0s");
  EXPECT_EQ(formatted(123'250), "2m3.25s");
  EXPECT_EQ(formatted(INT64_MAX).back(), 's'); // fits the buffer
}

TEST(RateLimitResponse, RetryAfterIsWholeSecondsAtLeastOne) {
  EXPECT_EQ(retryAfterSeconds(0), 1);
  EXPECT_EQ(retryAfterSeconds(1), 1);
  EXPECT_EQ(retryAfterSeconds(1000), 1);
  EXPECT_EQ(retryAfterSeconds(1001), 2);
  EXPECT_EQ(retryAfterSeconds(12'000), 12);
}

RateLimitDecision bothLimits() {
  RateLimitDecision decision;
  decision.limited = true;
  decision.requestLimit = 60;
  decision.requestsRemaining = 59;
  decision.requestsResetMs = 1000;
  decision.tokenLimit = 40'000;
  decision.tokensRemaining = 39'000;
  decision.tokensResetMs = 250;
  return decision;
}

TEST(RateLimitResponse, SetsBothTriosWhenBothLimitsApply) {
  testing::FakeResponseSink sink;
  setRateLimitHeaders(sink, bothLimits());
  EXPECT_EQ(sink.headers["x-ratelimit-limit-requests"], "60");
  EXPECT_EQ(sink.headers["x-ratelimit-remaining-requests"], "59");
  EXPECT_EQ(sink.headers["x-ratelimit-reset-requests"], "1s");
  EXPECT_EQ(sink.headers["x-ratelimit-limit-tokens"], "40000");
  EXPECT_EQ(sink.headers["x-ratelimit-remaining-tokens"], "39000");
  EXPECT_EQ(sink.headers["x-ratelimit-reset-tokens"], "250ms");
}

TEST(RateLimitResponse, SetsOnlyTheTrioOfTheLimitThatExists) {
  RateLimitDecision requestsOnly = bothLimits();
  requestsOnly.tokenLimit = 0;
  testing::FakeResponseSink sink;
  setRateLimitHeaders(sink, requestsOnly);
  EXPECT_EQ(sink.headers.size(), 3u);
  EXPECT_EQ(sink.headers.count("x-ratelimit-limit-tokens"), 0u);

  RateLimitDecision tokensOnly = bothLimits();
  tokensOnly.requestLimit = 0;
  testing::FakeResponseSink tokenSink;
  setRateLimitHeaders(tokenSink, tokensOnly);
  EXPECT_EQ(tokenSink.headers.size(), 3u);
  EXPECT_EQ(tokenSink.headers.count("x-ratelimit-limit-requests"), 0u);
}

TEST(RateLimitResponse, AnUnlimitedPrincipalGetsNoHeaders) {
  testing::FakeResponseSink sink;
  setRateLimitHeaders(sink, RateLimitDecision{});
  EXPECT_TRUE(sink.headers.empty());
}

TEST(RateLimitResponse, RefusalIsA429NamingTheLimit) {
  RateLimitDecision refused = bothLimits();
  refused.admitted = false;
  refused.refusedBy = RateLimitKind::Requests;
  refused.retryAfterMs = 2'500;
  http::ApiError error = rateLimitError(refused);
  EXPECT_EQ(error.status, 429);
  EXPECT_EQ(error.type, http::ErrorType::RateLimit);
  EXPECT_EQ(error.code, "rate_limit_exceeded");
  EXPECT_EQ(error.retryAfterSeconds, 3);
  EXPECT_NE(error.message.find("requests per minute"), std::string::npos) << error.message;
  EXPECT_EQ(error.message.find("tokens"), std::string::npos) << error.message;

  refused.refusedBy = RateLimitKind::Tokens;
  error = rateLimitError(refused);
  EXPECT_NE(error.message.find("tokens per minute"), std::string::npos) << error.message;
  EXPECT_EQ(error.message.find("requests"), std::string::npos) << error.message;
}

TEST(RateLimitResponse, SendErrorAddsRetryAfter) {
  RateLimitDecision refused = bothLimits();
  refused.admitted = false;
  refused.refusedBy = RateLimitKind::Requests;
  refused.retryAfterMs = 12'000;
  testing::FakeResponseSink sink;
  http::sendError(sink, rateLimitError(refused));
  EXPECT_EQ(sink.status, 429);
  EXPECT_EQ(sink.headers["Retry-After"], "12");
  EXPECT_NE(sink.body.find("\"code\":\"rate_limit_exceeded\""), std::string::npos) << sink.body;
}

} // namespace
} // namespace gatehouse::gateway
