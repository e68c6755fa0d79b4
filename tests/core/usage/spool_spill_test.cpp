#include <gatehouse/store/id_generator.hpp>

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <thread>
#include <vector>

#include "spool_spill.hpp"
#include "usage_event_json.hpp"
#include "usage_spool.hpp"

namespace gatehouse::usage {
namespace {

class SpoolSpillTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("gatehouse_spill_" + store::newId());
    path_ = dir_ / "usage.spool";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static UsageEvent event(const std::string& requestId) {
    UsageEvent out;
    out.requestId = requestId;
    return out;
  }
  // Every event the spool holds, oldest first (seals the active file).
  static std::vector<std::string> spooledIds(UsageSpool& spool) {
    spool.seal();
    std::vector<std::string> ids;
    for (const auto& segment : spool.segments()) {
      for (const UsageEvent& stored : UsageSpool::read(segment).events)
        ids.push_back(stored.requestId);
    }
    return ids;
  }

  std::filesystem::path dir_;
  std::filesystem::path path_;
};

TEST_F(SpoolSpillTest, BuffersUntilTheThresholdThenAppendsEverythingAtOnce) {
  UsageSpool spool(path_);
  SpoolSpill spill(spool, toJsonLine(event("e0")).size() * 3);
  EXPECT_EQ(spill.add(event("e0")).events, 0u);
  EXPECT_EQ(spill.add(event("e1")).events, 0u);
  EXPECT_FALSE(spool.hasPending()); // nothing written yet
  EXPECT_FALSE(spill.empty());
  const SpillWrite write = spill.add(event("e2"));
  EXPECT_EQ(write.events, 3u);
  EXPECT_FALSE(write.failed);
  EXPECT_TRUE(spill.empty());
  EXPECT_EQ(spooledIds(spool), (std::vector<std::string>{"e0", "e1", "e2"}));
}

TEST_F(SpoolSpillTest, DrainWritesWhatWaitsAndThenNothing) {
  UsageSpool spool(path_);
  SpoolSpill spill(spool);
  spill.add(event("a"));
  spill.add(event("b"));
  EXPECT_EQ(spill.drain(true).events, 2u);
  EXPECT_EQ(spill.drain(false).events, 0u);
  EXPECT_EQ(spooledIds(spool), (std::vector<std::string>{"a", "b"}));
}

TEST_F(SpoolSpillTest, AFailedWriteReportsHowManyEventsWereLost) {
  UsageSpool spool(path_);
  SpoolSpill spill(spool);
  spill.add(event("x"));
  spill.add(event("y"));
  std::filesystem::remove_all(dir_); // the spool cannot open its file any more
  const SpillWrite write = spill.drain(false);
  EXPECT_TRUE(write.failed);
  EXPECT_EQ(write.events, 2u);
  EXPECT_NE(write.error.find("usage spool"), std::string::npos) << write.error;
  EXPECT_TRUE(spill.empty());
}

TEST_F(SpoolSpillTest, ConcurrentAddsLandOnceEachWithWholeLines) {
  UsageSpool spool(path_, 4096); // small segments: sealing races the adds too
  SpoolSpill spill(spool, 512);
  std::vector<std::thread> threads;
  for (int thread = 0; thread < 4; ++thread) {
    threads.emplace_back([&spill, thread] {
      for (int i = 0; i < 250; ++i)
        spill.add(event("t" + std::to_string(thread) + "-" + std::to_string(i)));
    });
  }
  for (std::thread& thread : threads)
    thread.join();
  spill.drain(false);
  spool.sync();
  const std::vector<std::string> ids = spooledIds(spool);
  EXPECT_EQ(ids.size(), 1000u);
  EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()).size(), 1000u);
}

} // namespace
} // namespace gatehouse::usage
