#include <gatehouse/gateway/failed_auth_limiter.hpp>

#include <gtest/gtest.h>

#include <string>

#include "fake_clock.hpp"

namespace gatehouse::gateway {
namespace {

using namespace std::chrono_literals;

FailedAuthLimitConfig limit(int maxFailures, int windowSeconds) {
  FailedAuthLimitConfig config;
  config.maxFailures = maxFailures;
  config.windowSeconds = windowSeconds;
  return config;
}

class FailedAuthLimiterTest : public ::testing::Test {
protected:
  testing::FakeClock clock_;
  FailedAuthLimiter limiter_{limit(3, 60), clock_.function()};
};

TEST_F(FailedAuthLimiterTest, BlocksOnceTheFailuresAreUsedUp) {
  EXPECT_EQ(limiter_.blockedForMs("10.0.0.1"), 0);
  EXPECT_FALSE(limiter_.recordFailure("10.0.0.1"));
  EXPECT_FALSE(limiter_.recordFailure("10.0.0.1"));
  EXPECT_EQ(limiter_.blockedForMs("10.0.0.1"), 0);
  EXPECT_TRUE(limiter_.recordFailure("10.0.0.1")); // the third one locks it out
  EXPECT_EQ(limiter_.blockedForMs("10.0.0.1"), 20'000);
}

TEST_F(FailedAuthLimiterTest, OtherAddressesAreUnaffected) {
  for (int i = 0; i < 3; ++i)
    limiter_.recordFailure("10.0.0.1");
  EXPECT_GT(limiter_.blockedForMs("10.0.0.1"), 0);
  EXPECT_EQ(limiter_.blockedForMs("10.0.0.2"), 0);
  EXPECT_EQ(limiter_.blockedForMs("2001:db8::1"), 0);
}

TEST_F(FailedAuthLimiterTest, TheWindowSlides) {
  for (int i = 0; i < 3; ++i)
    limiter_.recordFailure("10.0.0.1");
  clock_.advance(19'999ms);
  EXPECT_EQ(limiter_.blockedForMs("10.0.0.1"), 1);
  clock_.advance(1ms);
  EXPECT_EQ(limiter_.blockedForMs("10.0.0.1"), 0); // one attempt back...
  EXPECT_TRUE(limiter_.recordFailure("10.0.0.1")); // ...and spent on another failure
  EXPECT_EQ(limiter_.blockedForMs("10.0.0.1"), 20'000);
  clock_.advance(60s);
  EXPECT_EQ(limiter_.blockedForMs("10.0.0.1"), 0);
  EXPECT_FALSE(limiter_.recordFailure("10.0.0.1")); // the whole allowance is back
  EXPECT_FALSE(limiter_.recordFailure("10.0.0.1"));
}

TEST_F(FailedAuthLimiterTest, IPv6IsCountedPerSlash64) {
  limiter_.recordFailure("2001:db8:1:2::a");
  limiter_.recordFailure("2001:db8:1:2:ffff:1:2:3");
  limiter_.recordFailure("2001:0db8:0001:0002::77");
  EXPECT_GT(limiter_.blockedForMs("2001:db8:1:2::1234"), 0);
  EXPECT_EQ(limiter_.blockedForMs("2001:db8:1:3::a"), 0); // another /64
  EXPECT_EQ(limiter_.size(), 1u);
}

TEST_F(FailedAuthLimiterTest, IPv4MappedAddressesAreCountedWhole) {
  limiter_.recordFailure("::ffff:10.0.0.1");
  limiter_.recordFailure("::ffff:10.0.0.1");
  limiter_.recordFailure("::ffff:10.0.0.1");
  EXPECT_GT(limiter_.blockedForMs("::ffff:10.0.0.1"), 0);
  EXPECT_EQ(limiter_.blockedForMs("::ffff:10.0.0.2"), 0);
}

TEST_F(FailedAuthLimiterTest, OddAddressesAreCountedAsTheyAre) {
  for (int i = 0; i < 3; ++i)
    limiter_.recordFailure("not:an:address");
  EXPECT_GT(limiter_.blockedForMs("not:an:address"), 0);
  EXPECT_EQ(limiter_.blockedForMs(""), 0);
}

TEST(FailedAuthLimiter, MemoryIsBounded) {
  testing::FakeClock clock;
  FailedAuthLimiter limiter(limit(5, 60), clock.function(), 32); // two per shard
  for (int i = 0; i < 2000; ++i)
    limiter.recordFailure("10.1." + std::to_string(i / 256) + "." + std::to_string(i % 256));
  EXPECT_LE(limiter.size(), 32u);
}

TEST(FailedAuthLimiter, IdleAddressesAreForgotten) {
  testing::FakeClock clock;
  FailedAuthLimiter limiter(limit(5, 10), clock.function());
  for (int i = 0; i < 100; ++i)
    limiter.recordFailure("10.2.0." + std::to_string(i));
  EXPECT_EQ(limiter.size(), 100u);
  clock.advance(2min);
  for (int i = 0; i < 500; ++i)
    limiter.recordFailure("10.3." + std::to_string(i / 256) + "." + std::to_string(i % 256));
  EXPECT_EQ(limiter.size(), 500u);
}

} // namespace
} // namespace gatehouse::gateway
