// Two gateways on one store (two nodes): a key revoked or re-scoped on one stops working on
// the other within 5 s (auth.key_refresh_ms is 200 here), without restarting anything.
#include <thread>

#include "key_gateway.hpp"

namespace gatehouse::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

class TwoNodes : public KeyGatewayTest {
protected:
  void SetUp() override {
    KeyGatewayTest::SetUp();
    if (HasFatalFailure())
      return;
    other_ = std::make_unique<KeyGateway>(config_);
    ASSERT_NE(other_->port(), 0) << other_->process().output();
  }

  // Polls until `status` answers `expected` or 5 s pass; returns how long it took.
  template <typename Call>
  Clock::duration until(int expected, Call call, RawResponse& last) {
    const auto start = Clock::now();
    last = call();
    while (last.status != expected && Clock::now() - start < 5s) {
      std::this_thread::sleep_for(50ms);
      last = call();
    }
    return Clock::now() - start;
  }

  std::unique_ptr<KeyGateway> other_;
};

TEST_F(TwoNodes, ARevocationOnOneNodeHoldsOnTheOtherWithinFiveSeconds) {
  const auto [id, key] = createKey(R"({"name": "shared"})");
  ASSERT_FALSE(key.empty());
  RawResponse last;
  // A key made on node A reaches node B by the same refresh.
  until(200, [&] { return other_->chat(key); }, last);
  ASSERT_EQ(last.status, 200) << last.body;

  const RawResponse revoked = gateway_->request("DELETE", "/admin/keys/" + id, adminKey_);
  ASSERT_TRUE(revoked.status == 200 || revoked.status == 204) << revoked.body;
  expectOpenAiError(gateway_->chat(key), 401);

  const auto took = until(401, [&] { return other_->chat(key); }, last);
  expectOpenAiError(last, 401);
  EXPECT_LT(took, 5s);
}

TEST_F(TwoNodes, AScopeChangeOnOneNodeHoldsOnTheOtherWithinFiveSeconds) {
  const auto [id, key] = createKey(R"({"name": "rescoped", "scopes": {"models": ["mock-*"]}})");
  RawResponse last;
  until(200, [&] { return other_->chat(key, "mock-echo"); }, last);
  ASSERT_EQ(last.status, 200) << last.body;

  const RawResponse patched =
      gateway_->request("PATCH", "/admin/keys/" + id, adminKey_, R"({"scopes": {"models": ["other-*"]}})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  const auto took = until(403, [&] { return other_->chat(key, "mock-echo"); }, last);
  expectOpenAiError(last, 403, "model_not_allowed");
  EXPECT_LT(took, 5s);
  EXPECT_EQ(other_->chat(key, "other-echo").status, 200);
}

TEST_F(TwoNodes, DisablingAKeyOnOneNodeHoldsOnTheOtherWithinFiveSeconds) {
  const auto [id, key] = createKey(R"({"name": "paused-everywhere"})");
  RawResponse last;
  until(200, [&] { return other_->chat(key); }, last);
  ASSERT_EQ(last.status, 200) << last.body;
  ASSERT_EQ(gateway_->request("PATCH", "/admin/keys/" + id, adminKey_, R"({"disabled": true})").status, 200);
  const auto took = until(401, [&] { return other_->chat(key); }, last);
  expectOpenAiError(last, 401);
  EXPECT_LT(took, 5s);
}

} // namespace
} // namespace gatehouse::testing
