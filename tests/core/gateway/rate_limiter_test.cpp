#include <gatehouse/gateway/rate_limiter.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "fake_clock.hpp"

namespace gatehouse::gateway {
namespace {

using namespace std::chrono_literals;

Principal keyed(std::string keyId, std::int64_t requestsPerMinute, std::int64_t tokensPerMinute = 0) {
  Principal principal;
  principal.subject = "user-1";
  principal.keyId = std::move(keyId);
  principal.requestsPerMinute = requestsPerMinute;
  principal.tokensPerMinute = tokensPerMinute;
  return principal;
}

class RateLimiterTest : public ::testing::Test {
protected:
  testing::FakeClock clock_;
  RateLimiter limiter_{clock_.function()};
};

TEST_F(RateLimiterTest, ABurstOfTheLimitIsAdmittedThenRefused) {
  const Principal principal = keyed("key-1", 5);
  for (int i = 0; i < 5; ++i) {
    const RateLimitDecision decision = limiter_.admit(principal);
    ASSERT_TRUE(decision.admitted) << i;
    EXPECT_TRUE(decision.limited);
    EXPECT_EQ(decision.requestLimit, 5);
    EXPECT_EQ(decision.requestsRemaining, 4 - i);
  }
  const RateLimitDecision refused = limiter_.admit(principal);
  EXPECT_FALSE(refused.admitted);
  EXPECT_EQ(refused.refusedBy, RateLimitKind::Requests);
  EXPECT_EQ(refused.requestsRemaining, 0);
  EXPECT_EQ(refused.retryAfterMs, 12'000); // one request comes back every 60 s / 5
  EXPECT_EQ(refused.requestsResetMs, 60'000);
}

TEST_F(RateLimiterTest, RefusedRequestsAreNotCounted) {
  const Principal principal = keyed("key-1", 2);
  limiter_.admit(principal);
  limiter_.admit(principal);
  for (int i = 0; i < 10; ++i)
    EXPECT_FALSE(limiter_.admit(principal).admitted);
  clock_.advance(30s);
  EXPECT_TRUE(limiter_.admit(principal).admitted); // hammering did not push the window out
}

TEST_F(RateLimiterTest, TheWindowSlides) {
  const Principal principal = keyed("key-1", 3);
  for (int i = 0; i < 3; ++i)
    ASSERT_TRUE(limiter_.admit(principal).admitted);
  clock_.advance(19'999ms);
  EXPECT_FALSE(limiter_.admit(principal).admitted);
  clock_.advance(1ms); // 20 s: one of three back
  const RateLimitDecision decision = limiter_.admit(principal);
  EXPECT_TRUE(decision.admitted);
  EXPECT_EQ(decision.requestsRemaining, 0);
  EXPECT_FALSE(limiter_.admit(principal).admitted);
  clock_.advance(60s);
  for (int i = 0; i < 3; ++i)
    EXPECT_TRUE(limiter_.admit(principal).admitted) << i;
}

TEST_F(RateLimiterTest, PrincipalsAreCountedSeparately) {
  const Principal a = keyed("key-a", 1);
  const Principal b = keyed("key-b", 1);
  EXPECT_TRUE(limiter_.admit(a).admitted);
  EXPECT_FALSE(limiter_.admit(a).admitted);
  EXPECT_TRUE(limiter_.admit(b).admitted);
}

TEST_F(RateLimiterTest, WithoutAKeyTheSubjectIsCounted) {
  Principal session;
  session.subject = "user-7";
  session.requestsPerMinute = 1;
  EXPECT_TRUE(limiter_.admit(session).admitted);
  EXPECT_FALSE(limiter_.admit(session).admitted);
  // A key whose id reads like that subject is another counter.
  EXPECT_TRUE(limiter_.admit(keyed("user-7", 1)).admitted);
}

TEST_F(RateLimiterTest, AnonymousAndUnlimitedPrincipalsAreNeitherLimitedNorTracked) {
  Principal anonymous;
  anonymous.requestsPerMinute = 1;
  const Principal unlimited = keyed("key-free", 0, 0);
  for (int i = 0; i < 100; ++i) {
    const RateLimitDecision first = limiter_.admit(anonymous);
    const RateLimitDecision second = limiter_.admit(unlimited);
    ASSERT_TRUE(first.admitted && second.admitted);
    EXPECT_FALSE(first.limited || second.limited);
  }
  limiter_.addTokens(unlimited, 1000);
  EXPECT_EQ(limiter_.size(), 0u);
}

TEST_F(RateLimiterTest, TokensUsedInTheLastMinuteMustBeBelowTheLimit) {
  const Principal principal = keyed("key-t", 0, 1000);
  RateLimitDecision decision = limiter_.admit(principal);
  ASSERT_TRUE(decision.admitted);
  EXPECT_EQ(decision.tokenLimit, 1000);
  EXPECT_EQ(decision.tokensRemaining, 1000);
  EXPECT_EQ(decision.requestLimit, 0);
  limiter_.addTokens(principal, 999);
  decision = limiter_.admit(principal);
  EXPECT_TRUE(decision.admitted); // 999 < 1000
  EXPECT_EQ(decision.tokensRemaining, 1);
  clock_.advance(10s);
  limiter_.addTokens(principal, 5000); // one large answer
  decision = limiter_.admit(principal);
  EXPECT_FALSE(decision.admitted);
  EXPECT_EQ(decision.refusedBy, RateLimitKind::Tokens);
  EXPECT_EQ(decision.tokensRemaining, 0);
  EXPECT_EQ(decision.retryAfterMs, 60'000); // until the 5000 leave the window
  EXPECT_EQ(decision.tokensResetMs, 60'000);
  clock_.advance(59'999ms);
  EXPECT_FALSE(limiter_.admit(principal).admitted);
  clock_.advance(1ms);
  decision = limiter_.admit(principal);
  EXPECT_TRUE(decision.admitted);
  EXPECT_EQ(decision.tokensRemaining, 1000);
}

TEST_F(RateLimiterTest, RetryAfterWaitsForTheOldestTokensThatKeepItOver) {
  const Principal principal = keyed("key-t", 0, 100);
  limiter_.addTokens(principal, 80);
  clock_.advance(20s);
  limiter_.addTokens(principal, 30); // 110 used
  const RateLimitDecision decision = limiter_.admit(principal);
  ASSERT_FALSE(decision.admitted);
  EXPECT_EQ(decision.retryAfterMs, 40'000); // the 80 leave 60 s after they came
  EXPECT_EQ(decision.tokensResetMs, 60'000);
}

TEST_F(RateLimiterTest, ATokenRefusalDoesNotUseARequest) {
  const Principal principal = keyed("key-both", 2, 10);
  limiter_.addTokens(principal, 50);
  const RateLimitDecision refused = limiter_.admit(principal);
  EXPECT_FALSE(refused.admitted);
  EXPECT_EQ(refused.refusedBy, RateLimitKind::Tokens);
  EXPECT_EQ(refused.requestsRemaining, 2);
  clock_.advance(60s);
  EXPECT_TRUE(limiter_.admit(principal).admitted);
  EXPECT_TRUE(limiter_.admit(principal).admitted);
}

TEST_F(RateLimiterTest, WhenBothRefuseTheRequestsLimitIsNamedAndTheLongerWaitGiven) {
  const Principal principal = keyed("key-both", 1, 10);
  ASSERT_TRUE(limiter_.admit(principal).admitted);
  limiter_.addTokens(principal, 50);
  clock_.advance(1s);
  const RateLimitDecision refused = limiter_.admit(principal);
  EXPECT_FALSE(refused.admitted);
  EXPECT_EQ(refused.refusedBy, RateLimitKind::Requests);
  EXPECT_EQ(refused.retryAfterMs, 59'000); // requests and tokens both need 59 s more
}

TEST_F(RateLimiterTest, ChangedLimitsApplyAtOnce) {
  Principal principal = keyed("key-c", 1);
  ASSERT_TRUE(limiter_.admit(principal).admitted);
  ASSERT_FALSE(limiter_.admit(principal).admitted);
  principal.requestsPerMinute = 3;
  EXPECT_TRUE(limiter_.admit(principal).admitted);
  EXPECT_TRUE(limiter_.admit(principal).admitted);
  EXPECT_FALSE(limiter_.admit(principal).admitted);
  principal.requestsPerMinute = 0; // limit removed
  EXPECT_TRUE(limiter_.admit(principal).admitted);
}

TEST(RateLimiter, MemoryIsBoundedAndIdleEntriesGo) {
  testing::FakeClock clock;
  RateLimiter limiter(clock.function(), 64); // two per shard
  for (int i = 0; i < 1000; ++i)
    ASSERT_TRUE(limiter.admit(keyed("key-" + std::to_string(i), 10)).admitted);
  EXPECT_LE(limiter.size(), 64u);
  clock.advance(61s);
  limiter.admit(keyed("key-new", 10)); // its shard sweeps what went idle
  EXPECT_LE(limiter.size(), 64u);
}

TEST(RateLimiter, IdleEntriesAreSweptAfterAMinute) {
  testing::FakeClock clock;
  RateLimiter limiter(clock.function());
  for (int i = 0; i < 200; ++i)
    limiter.admit(keyed("key-" + std::to_string(i), 10));
  EXPECT_EQ(limiter.size(), 200u);
  clock.advance(2min);
  // Each shard sweeps on its next use; touching many keys reaches every shard.
  for (int i = 0; i < 1000; ++i)
    limiter.admit(keyed("other-" + std::to_string(i), 10));
  EXPECT_EQ(limiter.size(), 1000u);
}

TEST(RateLimiter, ConcurrentAdmitsNeverExceedTheLimit) {
  testing::FakeClock clock; // stands still: nothing refills while the threads race
  RateLimiter limiter(clock.function());
  const Principal principal = keyed("key-shared", 100);
  std::atomic<int> admitted{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 50; ++i) {
        if (limiter.admit(principal).admitted)
          ++admitted;
      }
    });
  }
  for (std::thread& thread : threads)
    thread.join();
  EXPECT_EQ(admitted.load(), 100);
}

} // namespace
} // namespace gatehouse::gateway
