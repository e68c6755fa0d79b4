#include <gatehouse/gateway/credential_lease.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <memory>

#include "fake_upstream.hpp"

namespace gatehouse::gateway {
namespace {

using testing::FakeUpstreamResponse;

std::int64_t steadyNowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

class CredentialLeaseTest : public ::testing::Test {
protected:
  FakeUpstreamResponse answer(int status, FakeUpstreamResponse::Headers headers = {}) {
    return FakeUpstreamResponse(status, "", destroyed_, std::move(headers));
  }

  CredentialPool pool_{"acme", {{"first", "sk-first", 1}, {"second", "sk-second", 1}}};
  std::shared_ptr<int> destroyed_ = std::make_shared<int>(0);
};

TEST_F(CredentialLeaseTest, WithoutAPoolThereIsNoCredential) {
  CredentialLease lease(nullptr);
  EXPECT_EQ(lease.secret(), "");
  EXPECT_EQ(lease.name(), "");
  lease.observe(answer(429)); // harmless
}

TEST_F(CredentialLeaseTest, PicksOnFirstUseAndKeepsTheSameCredential) {
  CredentialLease lease(&pool_);
  EXPECT_EQ(lease.name(), "") << "nothing chosen before the plugin asks";
  EXPECT_EQ(lease.secret(), "sk-first");
  EXPECT_EQ(lease.secret(), "sk-first");
  EXPECT_EQ(lease.name(), "first");
  CredentialLease next(&pool_);
  EXPECT_EQ(next.secret(), "sk-second");
}

TEST_F(CredentialLeaseTest, ARateLimitRestsTheCredentialForTheUpstreamsHint) {
  CredentialLease lease(&pool_);
  ASSERT_EQ(lease.secret(), "sk-first");
  lease.observe(answer(429, {{"retry-after", "30"}}));
  const std::int64_t now = steadyNowMs();
  EXPECT_TRUE(pool_.resting(0, now + 25'000));
  EXPECT_FALSE(pool_.resting(0, now + 31'000));
  EXPECT_FALSE(pool_.resting(1, now));
}

TEST_F(CredentialLeaseTest, RetryAfterMsWinsOverRetryAfter) {
  CredentialLease lease(&pool_);
  lease.secret();
  lease.observe(answer(429, {{"retry-after-ms", "2000"}, {"retry-after", "60"}}));
  const std::int64_t now = steadyNowMs();
  EXPECT_TRUE(pool_.resting(0, now + 1'000));
  EXPECT_FALSE(pool_.resting(0, now + 3'000));
}

TEST_F(CredentialLeaseTest, ARefusedKeyRestsAMinute) {
  CredentialLease lease(&pool_);
  lease.secret();
  lease.observe(answer(401));
  EXPECT_TRUE(pool_.resting(0, steadyNowMs() + 50'000));
}

TEST_F(CredentialLeaseTest, SuccessAndServerErrorsLeaveTheCredentialInService) {
  CredentialLease lease(&pool_);
  lease.secret();
  lease.observe(answer(200));
  lease.observe(answer(500));
  lease.observe(answer(400));
  EXPECT_FALSE(pool_.resting(0, steadyNowMs()));
}

TEST_F(CredentialLeaseTest, AnAnswerToARequestMadeWithoutThePoolRestsNothing) {
  CredentialLease lease(&pool_);
  lease.observe(answer(429)); // the plugin never asked: it used its own key
  const std::int64_t now = steadyNowMs();
  EXPECT_FALSE(pool_.resting(0, now));
  EXPECT_FALSE(pool_.resting(1, now));
}

} // namespace
} // namespace gatehouse::gateway
