#include <gatehouse/upstream/connection_pool.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

namespace gatehouse {
namespace {

using namespace std::chrono_literals;

std::unique_ptr<UpstreamConnection> unconnected() {
  return std::make_unique<UpstreamConnection>(Poco::Net::StreamSocket(), false);
}

UpstreamClock::time_point in(std::chrono::milliseconds wait) {
  return UpstreamClock::now() + wait;
}

TEST(ConnectionPool, HandsOutSlotsUpToTheLimit) {
  ConnectionPool pool(2, 60s);
  std::unique_ptr<UpstreamConnection> idle;
  EXPECT_TRUE(pool.acquire("k", in(1s), idle));
  EXPECT_EQ(idle, nullptr); // nothing pooled yet: open one
  EXPECT_TRUE(pool.acquire("k", in(1s), idle));
  EXPECT_FALSE(pool.acquire("k", in(20ms), idle));  // busy + idle would exceed 2
  EXPECT_TRUE(pool.acquire("other", in(1s), idle)); // another target has its own limit
  EXPECT_EQ(pool.openCount("k"), 2u);
}

TEST(ConnectionPool, ReleasedConnectionIsReusedMostRecentFirst) {
  ConnectionPool pool(3, 60s);
  std::unique_ptr<UpstreamConnection> idle;
  ASSERT_TRUE(pool.acquire("k", in(1s), idle));
  ASSERT_TRUE(pool.acquire("k", in(1s), idle));
  auto first = unconnected();
  auto second = unconnected();
  UpstreamConnection* secondAddress = second.get();
  pool.release("k", std::move(first));
  pool.release("k", std::move(second));
  EXPECT_EQ(pool.openCount("k"), 2u);
  ASSERT_TRUE(pool.acquire("k", in(1s), idle));
  EXPECT_EQ(idle.get(), secondAddress);
}

TEST(ConnectionPool, ReleasingWithoutAConnectionFreesTheSlot) {
  ConnectionPool pool(1, 60s);
  std::unique_ptr<UpstreamConnection> idle;
  ASSERT_TRUE(pool.acquire("k", in(1s), idle));
  pool.release("k", nullptr);
  EXPECT_EQ(pool.openCount("k"), 0u);
  EXPECT_TRUE(pool.acquire("k", in(20ms), idle));
}

TEST(ConnectionPool, WaiterGetsTheSlotWhenItIsFreed) {
  ConnectionPool pool(1, 60s);
  std::unique_ptr<UpstreamConnection> idle;
  ASSERT_TRUE(pool.acquire("k", in(1s), idle));
  auto waiter = std::async(std::launch::async, [&] {
    std::unique_ptr<UpstreamConnection> got;
    const bool ok = pool.acquire("k", in(10s), got);
    return ok && got != nullptr;
  });
  std::this_thread::sleep_for(20ms);
  pool.release("k", unconnected());
  EXPECT_TRUE(waiter.get()); // it got the released connection, well before its deadline
}

TEST(ConnectionPool, IdleConnectionsExpire) {
  ConnectionPool pool(1, 1ms);
  std::unique_ptr<UpstreamConnection> idle;
  ASSERT_TRUE(pool.acquire("k", in(1s), idle));
  pool.release("k", unconnected());
  std::this_thread::sleep_for(10ms);
  ASSERT_TRUE(pool.acquire("k", in(1s), idle));
  EXPECT_EQ(idle, nullptr); // dropped, not handed out
}

} // namespace
} // namespace gatehouse
