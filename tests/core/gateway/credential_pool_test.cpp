#include <gatehouse/gateway/credential_pool.hpp>

#include <gtest/gtest.h>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace gatehouse::gateway {
namespace {

constexpr std::int64_t kNow = 1'000'000;

CredentialPool poolOf(std::vector<int> weights) {
  std::vector<CredentialPool::Credential> credentials;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    credentials.push_back({"c" + std::to_string(i), "secret-" + std::to_string(i), weights[i]});
  }
  return CredentialPool("acme", std::move(credentials));
}

std::string picks(CredentialPool& pool, int count, std::int64_t now = kNow) {
  std::string order;
  for (int i = 0; i < count; ++i) {
    order += static_cast<char>('A' + pool.pick(now));
  }
  return order;
}

std::map<std::size_t, int> tally(CredentialPool& pool, int count, std::int64_t now = kNow) {
  std::map<std::size_t, int> counts;
  for (int i = 0; i < count; ++i) {
    ++counts[pool.pick(now)];
  }
  return counts;
}

TEST(CredentialPoolTest, OneCredentialIsAlwaysChosen) {
  CredentialPool pool = poolOf({5});
  EXPECT_EQ(picks(pool, 4), "AAAA");
  pool.rest(0, 10'000, 429, kNow);
  EXPECT_EQ(pool.pick(kNow), 0u); // nothing else to try: the upstream decides
}

TEST(CredentialPoolTest, EqualWeightsAlternate) {
  CredentialPool pool = poolOf({1, 1, 1});
  EXPECT_EQ(picks(pool, 6), "ABCABC");
}

TEST(CredentialPoolTest, WeightsInterleaveSmoothlyRatherThanInRuns) {
  CredentialPool pool = poolOf({3, 1});
  EXPECT_EQ(picks(pool, 8), "AABAAABA");
  CredentialPool five = poolOf({5, 1, 1});
  EXPECT_EQ(picks(five, 7), "AABACAA");
}

TEST(CredentialPoolTest, EveryWindowOfOneCycleMatchesTheWeightsExactly) {
  CredentialPool pool = poolOf({7, 2, 1});
  for (int cycle = 0; cycle < 5; ++cycle) {
    const auto counts = tally(pool, 10);
    EXPECT_EQ(counts.at(0), 7);
    EXPECT_EQ(counts.at(1), 2);
    EXPECT_EQ(counts.at(2), 1);
  }
}

TEST(CredentialPoolTest, ACommonDivisorDoesNotLengthenTheCycle) {
  CredentialPool pool = poolOf({300, 100});
  EXPECT_EQ(picks(pool, 4), "AABA");
}

TEST(CredentialPoolTest, ARestingCredentialIsSkippedAndTheOthersShareByWeight) {
  CredentialPool pool = poolOf({2, 1, 1});
  pool.rest(0, 10'000, 429, kNow);
  EXPECT_TRUE(pool.resting(0, kNow));
  const auto counts = tally(pool, 400, kNow + 1);
  EXPECT_EQ(counts.count(0), 0u);
  EXPECT_EQ(counts.at(1), 200);
  EXPECT_EQ(counts.at(2), 200);
}

TEST(CredentialPoolTest, ARestEndsOnTime) {
  CredentialPool pool = poolOf({1, 1});
  pool.rest(1, 5'000, 429, kNow);
  EXPECT_TRUE(pool.resting(1, kNow + 4'999));
  EXPECT_FALSE(pool.resting(1, kNow + 5'000));
  EXPECT_EQ(tally(pool, 10, kNow + 4'999).count(1), 0u);
  EXPECT_EQ(tally(pool, 10, kNow + 5'000).at(1), 5);
}

TEST(CredentialPoolTest, WhenAllRestTheOneWhoseRestEndsFirstIsUsed) {
  CredentialPool pool = poolOf({1, 1, 1});
  pool.rest(0, 30'000, 401, kNow);
  pool.rest(1, 5'000, 429, kNow);
  pool.rest(2, 60'000, 403, kNow);
  EXPECT_EQ(picks(pool, 3, kNow + 1), "BBB");
}

TEST(CredentialPoolTest, AShorterRestDoesNotCutALongerOneShort) {
  CredentialPool pool = poolOf({1, 1});
  pool.rest(0, 60'000, 401, kNow);
  pool.rest(0, 1'000, 429, kNow + 10);
  EXPECT_TRUE(pool.resting(0, kNow + 30'000));
  pool.rest(0, 120'000, 429, kNow + 20);
  EXPECT_TRUE(pool.resting(0, kNow + 100'000));
}

TEST(CredentialPoolTest, ANonPositiveRestOrAnUnknownIndexChangesNothing) {
  CredentialPool pool = poolOf({1, 1});
  pool.rest(0, 0, 500, kNow);
  pool.rest(0, -5, 429, kNow);
  pool.rest(7, 10'000, 429, kNow);
  EXPECT_FALSE(pool.resting(0, kNow));
  EXPECT_FALSE(pool.resting(1, kNow));
}

TEST(CredentialPoolTest, ARestIsLoggedOnceWithTheNameButNeverTheSecret) {
  CredentialPool pool("acme", {{"primary", "sk-very-secret", 1}, {"backup", "sk-other-secret", 1}});
  ::testing::internal::CaptureStderr();
  pool.rest(0, 10'000, 429, kNow);
  pool.rest(0, 10'000, 429, kNow + 100); // still resting: no second line
  const std::string logged = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(logged.find("provider 'acme': credential 'primary' was refused by the upstream (HTTP 429); "
                        "resting it for 10 s"),
            std::string::npos)
      << logged;
  EXPECT_EQ(logged.find("refused", logged.find("refused") + 1), std::string::npos) << logged;
  EXPECT_EQ(logged.find("sk-"), std::string::npos) << logged;
}

TEST(CredentialPoolTest, RefusesAnEmptyOrOversizedPoolAndWeightsOutOfRange) {
  EXPECT_THROW(CredentialPool("acme", {}), std::invalid_argument);
  EXPECT_THROW(poolOf({0}), std::invalid_argument);
  EXPECT_THROW(poolOf({1, CredentialPool::kMaxWeight + 1}), std::invalid_argument);
  EXPECT_THROW(poolOf(std::vector<int>(CredentialPool::kMaxCredentials + 1, 1)), std::invalid_argument);
  EXPECT_NO_THROW(poolOf(std::vector<int>(CredentialPool::kMaxCredentials, CredentialPool::kMaxWeight)));
}

TEST(CredentialPoolTest, TheLargestPoolStillFollowsItsWeights) {
  std::vector<int> weights;
  for (int i = 0; i < 64; ++i) {
    weights.push_back(i % 2 == 0 ? 999 : 1000);
  }
  CredentialPool pool = poolOf(weights);
  const auto counts = tally(pool, 64 * 999 + 32);
  EXPECT_EQ(counts.at(0), 999);
  EXPECT_EQ(counts.at(1), 1000);
  EXPECT_EQ(counts.at(63), 1000);
}

} // namespace
} // namespace gatehouse::gateway
