#include <gatehouse/common/socket_wait.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <sys/socket.h>
#include <unistd.h>

namespace gatehouse {
namespace {

using namespace std::chrono_literals;

class SocketWaitTest : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM, 0, ends_), 0); }
  void TearDown() override {
    for (const int end : ends_) {
      if (end >= 0)
        ::close(end);
    }
  }
  void closeEnd(int index) {
    ::close(ends_[index]);
    ends_[index] = -1;
  }

  int ends_[2] = {-1, -1};
};

TEST_F(SocketWaitTest, TimesOutWhenNothingArrives) {
  const auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(waitReadable(ends_[0], 50ms), SocketWait::TimedOut);
  EXPECT_GE(std::chrono::steady_clock::now() - started, 45ms);
}

TEST_F(SocketWaitTest, AZeroTimeoutOnlyLooks) {
  EXPECT_EQ(waitReadable(ends_[0], 0ms), SocketWait::TimedOut);
  ASSERT_EQ(::write(ends_[1], "x", 1), 1);
  EXPECT_EQ(waitReadable(ends_[0], 0ms), SocketWait::Readable);
}

TEST_F(SocketWaitTest, DataMakesItReadable) {
  ASSERT_EQ(::write(ends_[1], "hello", 5), 5);
  EXPECT_EQ(waitReadable(ends_[0], 1000ms), SocketWait::Readable);
}

TEST_F(SocketWaitTest, ThePeersCloseMakesItReadable) {
  closeEnd(1);
  EXPECT_EQ(waitReadable(ends_[0], 1000ms), SocketWait::Readable);
}

TEST_F(SocketWaitTest, AClosedDescriptorFails) {
  const int stale = ends_[0];
  closeEnd(0);
  EXPECT_EQ(waitReadable(stale, 10ms), SocketWait::Failed);
}

} // namespace
} // namespace gatehouse
