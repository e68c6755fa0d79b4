#include <gatehouse/app/periodic_task.hpp>
#include <gatehouse/common/background_thread.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace gatehouse::app {
namespace {

using namespace std::chrono_literals;

TEST(PeriodicTask, RunsRepeatedlyOnceStarted) {
  std::atomic<int> runs{0};
  PeriodicTask task(
      "gh-test-task", [&runs] { ++runs; }, 10ms);
  std::this_thread::sleep_for(30ms);
  EXPECT_EQ(runs.load(), 0); // not before start()
  task.start();
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (runs.load() < 3 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(5ms);
  EXPECT_GE(runs.load(), 3);
}

TEST(PeriodicTask, StopDoesNotWaitOutTheInterval) {
  std::atomic<int> runs{0};
  PeriodicTask task(
      "gh-test-task", [&runs] { ++runs; }, std::chrono::hours(1));
  task.start();
  const auto started = std::chrono::steady_clock::now();
  task.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
  EXPECT_EQ(runs.load(), 0);
  task.stop(); // idempotent
}

TEST(PeriodicTask, RunsAtBackgroundNiceness) {
  const int callerNice = currentThreadNice();
  std::atomic<int> nice{-1};
  PeriodicTask task(
      "gh-test-task", [&nice] { nice = currentThreadNice(); }, 1ms);
  task.start();
  const auto deadline = std::chrono::steady_clock::now() + 5s;
  while (nice.load() < 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(5ms);
  task.stop();
  EXPECT_EQ(nice.load(), kBackgroundThreadNice);
  EXPECT_EQ(currentThreadNice(), callerNice); // the caller's thread is left as it was
}

} // namespace
} // namespace gatehouse::app
