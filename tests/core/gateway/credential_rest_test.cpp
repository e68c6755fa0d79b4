#include <gatehouse/gateway/credential_rest.hpp>

#include <gtest/gtest.h>

namespace gatehouse::gateway {
namespace {

// 2026-11-28T12:00:00Z
constexpr std::int64_t kNowEpochMs = 1'795'867'200'000;

TEST(CredentialRestTest, SuccessAndOtherErrorsDoNotRest) {
  for (const int status : {200, 201, 400, 404, 408, 500, 502, 503, 529}) {
    EXPECT_EQ(credentialRestMs(status, "", "30", kNowEpochMs), 0) << status;
  }
}

TEST(CredentialRestTest, ARefusedKeyRestsAMinuteWhateverTheHints) {
  EXPECT_EQ(credentialRestMs(401, "", "", kNowEpochMs), kRefusedRestMs);
  EXPECT_EQ(credentialRestMs(403, "5", "5", kNowEpochMs), kRefusedRestMs);
}

TEST(CredentialRestTest, RateLimitedWithoutAHintRestsTheDefault) {
  EXPECT_EQ(credentialRestMs(429, "", "", kNowEpochMs), kRateLimitedRestMs);
}

TEST(CredentialRestTest, RetryAfterMsComesFirst) {
  EXPECT_EQ(credentialRestMs(429, "2500", "30", kNowEpochMs), 2'500);
  EXPECT_EQ(credentialRestMs(429, " 4000.7 ", "", kNowEpochMs), 4'000);
}

TEST(CredentialRestTest, RetryAfterSecondsMayCarryAFraction) {
  EXPECT_EQ(credentialRestMs(429, "", "20", kNowEpochMs), 20'000);
  EXPECT_EQ(credentialRestMs(429, "", "1.5", kNowEpochMs), 1'500);
  EXPECT_EQ(credentialRestMs(429, "", "2.25", kNowEpochMs), 2'250);
}

TEST(CredentialRestTest, RetryAfterAsAnHttpDateCountsFromNow) {
  EXPECT_EQ(credentialRestMs(429, "", "Sat, 28 Nov 2026 12:00:45 GMT", kNowEpochMs), 45'000);
}

TEST(CredentialRestTest, HintsAreHeldBetweenOneSecondAndFiveMinutes) {
  EXPECT_EQ(credentialRestMs(429, "20", "", kNowEpochMs), kMinRestMs);
  EXPECT_EQ(credentialRestMs(429, "", "0", kNowEpochMs), kMinRestMs);
  EXPECT_EQ(credentialRestMs(429, "", "86400", kNowEpochMs), kMaxRestMs);
  EXPECT_EQ(credentialRestMs(429, "", "Sat, 28 Nov 2026 11:00:00 GMT", kNowEpochMs), kMinRestMs); // past
  EXPECT_EQ(credentialRestMs(429, "", "Sun, 29 Nov 2026 12:00:00 GMT", kNowEpochMs), kMaxRestMs);
}

TEST(CredentialRestTest, AnUnreadableHintFallsBackToTheNextOrTheDefault) {
  EXPECT_EQ(credentialRestMs(429, "soon", "7", kNowEpochMs), 7'000);
  for (const char* garbage : {"-5", "1e3", "5s", ".5", "5.", "1.2.3", "9999999999", "tomorrow", " "}) {
    EXPECT_EQ(credentialRestMs(429, "", garbage, kNowEpochMs), kRateLimitedRestMs) << garbage;
    EXPECT_EQ(credentialRestMs(429, garbage, "", kNowEpochMs), kRateLimitedRestMs) << garbage;
  }
}

} // namespace
} // namespace gatehouse::gateway
