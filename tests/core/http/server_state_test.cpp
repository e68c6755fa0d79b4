#include <gatehouse/http/server_state.hpp>

#include <gtest/gtest.h>

#include <thread>

namespace gatehouse::http {
namespace {

class FakeConnection : public TrackedConnection {
public:
  explicit FakeConnection(bool busyNow) : busy_(busyNow) {}
  bool busy() const override { return busy_; }
  void interruptIdle() override { ++interrupts; }
  int interrupts = 0;

private:
  bool busy_;
};

TEST(ServerState, CountsRequestsInFlight) {
  ServerState state;
  state.requestStarted();
  state.requestStarted();
  EXPECT_EQ(state.inFlight(), 2);
  state.requestFinished();
  EXPECT_EQ(state.inFlight(), 1);
}

TEST(ServerState, WaitForIdleTimesOutWhileARequestIsInFlight) {
  ServerState state;
  state.requestStarted();
  EXPECT_FALSE(state.waitForIdle(std::chrono::milliseconds(30)));
}

TEST(ServerState, WaitForIdleReturnsOnceTheLastRequestEnds) {
  ServerState state;
  state.requestStarted();
  std::thread finisher([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    state.requestFinished();
  });
  EXPECT_TRUE(state.waitForIdle(std::chrono::seconds(10)));
  finisher.join();
}

TEST(ServerState, DrainingAndStoppingAreStickyAndIndependent) {
  ServerState state;
  EXPECT_FALSE(state.draining());
  EXPECT_FALSE(state.stopping());
  state.startDraining();
  EXPECT_TRUE(state.draining());
  EXPECT_FALSE(state.stopping());
  state.startStopping();
  EXPECT_TRUE(state.draining());
  EXPECT_TRUE(state.stopping());
}

TEST(ServerState, InterruptsOnlyIdleConnections) {
  ServerState state;
  FakeConnection idle(false);
  FakeConnection busy(true);
  state.connectionOpened(idle);
  state.connectionOpened(busy);
  EXPECT_EQ(state.openConnections(), 2u);
  state.interruptIdleConnections();
  EXPECT_EQ(idle.interrupts, 1);
  EXPECT_EQ(busy.interrupts, 0);
  state.connectionClosed(idle);
  state.connectionClosed(busy);
  EXPECT_TRUE(state.waitForNoConnections(std::chrono::milliseconds(0)));
}

} // namespace
} // namespace gatehouse::http
