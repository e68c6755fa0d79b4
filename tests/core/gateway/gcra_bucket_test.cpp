#include <gatehouse/gateway/gcra_bucket.hpp>

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace gatehouse::gateway {
namespace {

constexpr std::int64_t kMinute = 60'000;

// Takes events at `nowMs` until one is refused; returns how many were admitted.
int burst(GcraBucket& bucket, std::int64_t nowMs, std::int64_t limit, std::int64_t windowMs = kMinute) {
  int admitted = 0;
  for (;;) {
    bucket.update(nowMs, limit, windowMs);
    if (!bucket.hasRoom())
      return admitted;
    bucket.add();
    ++admitted;
  }
}

TEST(GcraBucket, AdmitsExactlyTheLimitInABurst) {
  for (std::int64_t limit : {1, 2, 3, 7, 60, 1000, 999'999}) {
    GcraBucket bucket;
    EXPECT_EQ(burst(bucket, 1'000'000, limit), limit) << limit;
  }
}

TEST(GcraBucket, RemainingCountsDown) {
  GcraBucket bucket;
  bucket.update(5'000, 3, kMinute);
  EXPECT_EQ(bucket.remaining(), 3);
  bucket.add();
  EXPECT_EQ(bucket.remaining(), 2);
  bucket.add();
  EXPECT_EQ(bucket.remaining(), 1);
  bucket.add();
  EXPECT_EQ(bucket.remaining(), 0);
  EXPECT_FALSE(bucket.hasRoom());
}

TEST(GcraBucket, OneEventComesBackEveryWindowOverLimit) {
  GcraBucket bucket;
  ASSERT_EQ(burst(bucket, 0, 4), 4); // one event per 15 s comes back
  EXPECT_EQ(bucket.msUntilRoom(), 15'000);
  EXPECT_EQ(bucket.msUntilEmpty(), 60'000);
  bucket.update(14'999, 4, kMinute);
  EXPECT_FALSE(bucket.hasRoom());
  EXPECT_EQ(bucket.msUntilRoom(), 1);
  bucket.update(15'000, 4, kMinute);
  EXPECT_TRUE(bucket.hasRoom());
  EXPECT_EQ(bucket.msUntilRoom(), 0);
  EXPECT_EQ(burst(bucket, 15'000, 4), 1);
}

TEST(GcraBucket, AFullWindowLaterEverythingIsBack) {
  GcraBucket bucket;
  ASSERT_EQ(burst(bucket, 0, 10), 10);
  bucket.update(60'000, 10, kMinute);
  EXPECT_TRUE(bucket.empty());
  EXPECT_EQ(bucket.remaining(), 10);
  EXPECT_EQ(burst(bucket, 600'000, 10), 10);
}

TEST(GcraBucket, ResetAndRetryRoundUpToTheMillisecond) {
  GcraBucket bucket;
  ASSERT_EQ(burst(bucket, 0, 7), 7); // 60000 / 7 = 8571.43 ms per event
  EXPECT_EQ(bucket.msUntilRoom(), 8572);
  EXPECT_EQ(bucket.msUntilEmpty(), 60'000);
  bucket.update(8'571, 7, kMinute);
  EXPECT_FALSE(bucket.hasRoom());
  bucket.update(8'572, 7, kMinute);
  EXPECT_TRUE(bucket.hasRoom());
}

TEST(GcraBucket, AClockSteppingBackDrainsNothing) {
  GcraBucket bucket;
  ASSERT_EQ(burst(bucket, 10'000, 2), 2);
  bucket.update(5'000, 2, kMinute);
  EXPECT_FALSE(bucket.hasRoom());
  bucket.update(40'000, 2, kMinute); // 30 s after the burst, not 35
  EXPECT_EQ(bucket.remaining(), 1);
}

TEST(GcraBucket, ALoweredLimitLeavesTheBucketFullNotOverFull) {
  GcraBucket bucket;
  ASSERT_EQ(burst(bucket, 0, 10), 10);
  bucket.update(0, 2, kMinute);
  EXPECT_FALSE(bucket.hasRoom());
  EXPECT_EQ(bucket.msUntilEmpty(), 60'000); // not 5 minutes
  bucket.update(60'000, 2, kMinute);
  EXPECT_TRUE(bucket.empty());
}

TEST(GcraBucket, ARaisedLimitKeepsWhatWasCounted) {
  GcraBucket bucket;
  ASSERT_EQ(burst(bucket, 0, 2), 2);
  bucket.update(0, 5, kMinute);
  EXPECT_EQ(bucket.remaining(), 3);
}

TEST(GcraBucket, HugeLimitsDoNotOverflow) {
  GcraBucket bucket;
  bucket.update(1, std::numeric_limits<std::int64_t>::max(), kMinute);
  EXPECT_TRUE(bucket.hasRoom());
  bucket.add();
  EXPECT_GT(bucket.remaining(), 1'000'000'000);
  bucket.update(1, std::numeric_limits<std::int64_t>::max(), 86'400'000);
  EXPECT_TRUE(bucket.hasRoom());
}

TEST(GcraBucket, ALongWindowWithManyEventsStaysExact) {
  GcraBucket bucket; // the failed-auth extremes: a million per day
  EXPECT_EQ(burst(bucket, 0, 1'000'000, 86'400'000), 1'000'000);
}

} // namespace
} // namespace gatehouse::gateway
