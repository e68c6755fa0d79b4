#include <gatehouse/testing/log_capture.hpp>

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace {

using gatehouse::testing::LogCapture;

TEST(LogCapture, DropsLinesBelowTheLevel) {
  LogCapture logs;
  logs.setLevel(GH_LOG_WARN);
  EXPECT_FALSE(logs.enabled(GH_LOG_INFO));
  EXPECT_TRUE(logs.enabled(GH_LOG_WARN));
  logs.write(GH_LOG_INFO, "quiet");
  logs.write(GH_LOG_ERROR, "loud");
  ASSERT_EQ(logs.lines().size(), 1u);
  EXPECT_EQ(logs.lines()[0].message, "loud");
  EXPECT_TRUE(logs.contains("ou"));
  EXPECT_FALSE(logs.contains("quiet"));
}

TEST(LogCapture, KeepsEveryLineFromManyThreads) {
  LogCapture logs;
  std::vector<std::thread> threads;
  threads.reserve(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&logs] {
      for (int i = 0; i < 500; ++i) {
        logs.write(GH_LOG_INFO, "line");
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(logs.lines().size(), 2000u);
}

} // namespace
