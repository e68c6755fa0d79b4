#include <gatehouse/app/store_health.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace gatehouse::app {
namespace {

using namespace std::chrono_literals;

// Polls `condition` for up to 10 s: the probe runs on its own thread.
template <typename Condition> bool eventually(Condition condition) {
  const auto until = std::chrono::steady_clock::now() + 10s;
  while (std::chrono::steady_clock::now() < until) {
    if (condition())
      return true;
    std::this_thread::sleep_for(5ms);
  }
  return false;
}

TEST(StoreHealth, AnsweringStoreIsReadyFromTheStart) {
  const StoreHealth health([] {});
  std::string why;
  EXPECT_TRUE(health.check(why)) << why;
}

TEST(StoreHealth, AFailingPingIsReportedWithItsReason) {
  const StoreHealth health([] { throw std::runtime_error("cannot reach the database"); });
  std::string why;
  EXPECT_FALSE(health.check(why));
  EXPECT_EQ(why, "cannot reach the database");
}

TEST(StoreHealth, FollowsTheStoreGoingDownAndComingBack) {
  std::atomic<bool> down{false};
  const StoreHealth health(
      [&down] {
        if (down)
          throw std::runtime_error("down");
      },
      5ms, 10s);
  std::string why;
  ASSERT_TRUE(health.check(why));
  down = true;
  EXPECT_TRUE(eventually([&] { return !health.check(why); }));
  down = false;
  EXPECT_TRUE(eventually([&] { return health.check(why); }));
}

TEST(StoreHealth, AHangingPingNeitherBlocksTheCheckNorPassesIt) {
  std::mutex mutex;
  std::condition_variable released;
  bool hang = false;
  bool release = false;
  {
    const StoreHealth health(
        [&] {
          std::unique_lock<std::mutex> lock(mutex);
          if (hang)
            released.wait(lock, [&] { return release; });
        },
        5ms, 50ms);
    {
      std::lock_guard<std::mutex> lock(mutex);
      hang = true;
    }
    std::string why;
    EXPECT_TRUE(eventually([&] {
      const auto started = std::chrono::steady_clock::now();
      const bool ok = health.check(why);
      EXPECT_LT(std::chrono::steady_clock::now() - started, 1s); // never waits for the ping
      return !ok;
    }));
    EXPECT_NE(why.find("has not answered"), std::string::npos) << why;
    {
      std::lock_guard<std::mutex> lock(mutex);
      release = true;
      hang = false;
    }
    released.notify_all();
  }
}

} // namespace
} // namespace gatehouse::app
