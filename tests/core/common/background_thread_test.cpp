#include <gatehouse/common/background_thread.hpp>

#include <gtest/gtest.h>

#include <fstream>
#include <string>
#include <sys/syscall.h>
#include <thread>
#include <unistd.h>

namespace gatehouse {
namespace {

std::string currentThreadComm() {
  std::ifstream comm("/proc/self/task/" + std::to_string(::syscall(SYS_gettid)) + "/comm");
  std::string name;
  std::getline(comm, name);
  return name;
}

// Each case runs on a thread of its own: niceness cannot be lowered again without privilege.
template <typename Body> void onFreshThread(Body body) {
  std::thread thread(body);
  thread.join();
}

TEST(BackgroundThread, NamesTheCallingThread) {
  std::string seen;
  onFreshThread([&seen] {
    nameCurrentThread("gh-usage");
    seen = currentThreadComm();
  });
  EXPECT_EQ(seen, "gh-usage");
}

TEST(BackgroundThread, KeepsTheFirstFifteenBytesOfALongName) {
  std::string seen;
  onFreshThread([&seen] {
    nameCurrentThread("gh-a-name-much-longer-than-linux-keeps");
    seen = currentThreadComm();
  });
  EXPECT_EQ(seen, "gh-a-name-much-");
}

TEST(BackgroundThread, RaisesNicenessOfTheCallingThreadOnly) {
  const int before = currentThreadNice();
  int inside = -1;
  bool accepted = false;
  onFreshThread([&] {
    accepted = setCurrentThreadNice(kBackgroundThreadNice);
    inside = currentThreadNice();
  });
  EXPECT_TRUE(accepted);
  EXPECT_EQ(inside, 19);
  EXPECT_EQ(currentThreadNice(), before);
}

TEST(BackgroundThread, ClampsNicenessToTheBackgroundRange) {
  int inside = -1;
  onFreshThread([&inside] {
    setCurrentThreadNice(50);
    inside = currentThreadNice();
  });
  EXPECT_EQ(inside, kBackgroundThreadNice);
}

TEST(BackgroundThread, NeverAsksForMoreThanTheRequestThreadsPriority) {
  int inside = -1;
  onFreshThread([&inside] {
    setCurrentThreadNice(kNormalThreadNice - 5); // clamped to 0, never a negative (privileged) value
    inside = currentThreadNice();
  });
  EXPECT_GE(inside, kNormalThreadNice);
}

} // namespace
} // namespace gatehouse
