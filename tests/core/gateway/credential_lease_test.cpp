#include <gatehouse/gateway/credential_lease.hpp>

#include <gtest/gtest.h>

#include <memory>

#include "fake_upstream.hpp"

namespace gatehouse::gateway {
namespace {

using testing::FakeUpstreamResponse;

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
  const std::int64_t now = CredentialPool::nowMs();
  EXPECT_TRUE(pool_.resting(0, now + 25'000));
  EXPECT_FALSE(pool_.resting(0, now + 31'000));
  EXPECT_FALSE(pool_.resting(1, now));
}

TEST_F(CredentialLeaseTest, RetryAfterMsWinsOverRetryAfter) {
  CredentialLease lease(&pool_);
  lease.secret();
  lease.observe(answer(429, {{"retry-after-ms", "2000"}, {"retry-after", "60"}}));
  const std::int64_t now = CredentialPool::nowMs();
  EXPECT_TRUE(pool_.resting(0, now + 1'000));
  EXPECT_FALSE(pool_.resting(0, now + 3'000));
}

TEST_F(CredentialLeaseTest, ARefusedKeyRestsAMinute) {
  CredentialLease lease(&pool_);
  lease.secret();
  lease.observe(answer(401));
  EXPECT_TRUE(pool_.resting(0, CredentialPool::nowMs() + 50'000));
}

TEST_F(CredentialLeaseTest, SuccessAndServerErrorsLeaveTheCredentialInService) {
  CredentialLease lease(&pool_);
  lease.secret();
  lease.observe(answer(200));
  lease.observe(answer(500));
  lease.observe(answer(400));
  EXPECT_FALSE(pool_.resting(0, CredentialPool::nowMs()));
}

TEST_F(CredentialLeaseTest, AnAnswerToARequestMadeWithoutThePoolRestsNothing) {
  CredentialLease lease(&pool_);
  lease.observe(answer(429)); // the plugin never asked: it used its own key
  const std::int64_t now = CredentialPool::nowMs();
  EXPECT_FALSE(pool_.resting(0, now));
  EXPECT_FALSE(pool_.resting(1, now));
}

TEST_F(CredentialLeaseTest, ObserveSaysWhetherTheUpstreamRefusedTheCredential) {
  CredentialLease lease(&pool_);
  lease.secret();
  EXPECT_FALSE(lease.observe(answer(200)));
  EXPECT_FALSE(lease.observe(answer(500)));
  EXPECT_TRUE(lease.observe(answer(403)));
}

TEST_F(CredentialLeaseTest, MovesToACredentialItHasNotHeldAndThatIsNotResting) {
  CredentialPool pool("acme", {{"a", "sk-a", 1}, {"b", "sk-b", 1}, {"c", "sk-c", 1}});
  CredentialLease lease(&pool);
  ASSERT_EQ(lease.secret(), "sk-a");
  EXPECT_FALSE(lease.moved());
  EXPECT_TRUE(lease.earlierSecrets().empty());
  pool.rest(1, 60'000, 429, CredentialPool::nowMs()); // b rests: another request's refusal
  ASSERT_TRUE(lease.observe(answer(429)));
  ASSERT_TRUE(lease.moveToUntried());
  EXPECT_EQ(lease.secret(), "sk-c");
  EXPECT_EQ(lease.name(), "c");
  EXPECT_TRUE(lease.moved());
  EXPECT_EQ(lease.earlierSecrets(), (std::vector<std::string_view>{"sk-a"}));
  ASSERT_TRUE(lease.observe(answer(429)));
  EXPECT_FALSE(lease.moveToUntried()) << "a was held, b rests";
  EXPECT_EQ(lease.secret(), "sk-c") << "a failed move changes nothing";
}

TEST_F(CredentialLeaseTest, DoesNotMoveBeforeTheCredentialWasChosen) {
  CredentialLease lease(&pool_);
  EXPECT_FALSE(lease.moveToUntried());
  CredentialLease none(nullptr);
  EXPECT_FALSE(none.moveToUntried());
}

TEST_F(CredentialLeaseTest, AProvidersRefusalRestsTheCredentialWhateverTheUpstreamsStatusWas) {
  CredentialLease lease(&pool_);
  ASSERT_EQ(lease.secret(), "sk-first");
  lease.observe(answer(400)); // how Gemini answers an invalid key
  EXPECT_FALSE(pool_.resting(0, CredentialPool::nowMs()));
  lease.observeOutcome(401); // what its plugin made of it
  EXPECT_TRUE(pool_.resting(0, CredentialPool::nowMs() + 50'000));
}

TEST_F(CredentialLeaseTest, OtherOutcomesAndUnusedLeasesRestNothing) {
  CredentialLease lease(&pool_);
  lease.observeOutcome(401); // the plugin never asked for the credential
  lease.secret();
  for (int status : {200, 400, 429, 500, 502}) {
    lease.observeOutcome(status);
  }
  const std::int64_t now = CredentialPool::nowMs();
  EXPECT_FALSE(pool_.resting(0, now));
  EXPECT_FALSE(pool_.resting(1, now));
}

} // namespace
} // namespace gatehouse::gateway
