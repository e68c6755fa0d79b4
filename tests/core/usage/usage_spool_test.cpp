#include <gatehouse/store/id_generator.hpp>

#include <gtest/gtest.h>

#include <fstream>

#include "usage_spool.hpp"

namespace gatehouse::usage {
namespace {

class UsageSpoolTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("gatehouse_spool_" + store::newId());
    path_ = dir_ / "sub" / "usage.spool";
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  static std::vector<UsageEvent> events(const std::string& prefix, int count) {
    std::vector<UsageEvent> out(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
      out[static_cast<std::size_t>(i)].requestId = prefix + std::to_string(i);
    return out;
  }

  std::filesystem::path dir_;
  std::filesystem::path path_;
};

TEST_F(UsageSpoolTest, SealedSegmentsHoldWhatWasAppendedInOrder) {
  UsageSpool spool(path_);
  EXPECT_FALSE(spool.hasPending());
  spool.append(events("a", 3), true);
  spool.append(events("b", 2), false);
  EXPECT_TRUE(spool.hasPending());
  spool.seal();
  spool.append(events("c", 1), true); // lands in a fresh active file, not in the sealed one
  spool.seal();
  spool.seal(); // nothing new: no empty segment

  const auto segments = spool.segments();
  ASSERT_EQ(segments.size(), 2u);
  const auto first = UsageSpool::read(segments[0]);
  ASSERT_EQ(first.events.size(), 5u);
  EXPECT_EQ(first.events[0].requestId, "a0");
  EXPECT_EQ(first.events[4].requestId, "b1");
  EXPECT_EQ(UsageSpool::read(segments[1]).events.at(0).requestId, "c0");

  spool.remove(segments[0]);
  spool.remove(segments[1]);
  EXPECT_FALSE(spool.hasPending());
}

TEST_F(UsageSpoolTest, ARestartKeepsSegmentsAndSealsALineCutShort) {
  {
    UsageSpool spool(path_);
    spool.append(events("old", 2), true);
    spool.seal();
    spool.append(events("active", 1), true);
  }
  std::ofstream(path_, std::ios::app) << "{\"request_id\":\"torn"; // a crash mid-write
  UsageSpool reopened(path_);
  reopened.append(events("new", 1), true);
  reopened.seal();

  const auto segments = reopened.segments();
  ASSERT_EQ(segments.size(), 3u);
  EXPECT_EQ(UsageSpool::read(segments[0]).events.size(), 2u);
  const auto torn = UsageSpool::read(segments[1]);
  ASSERT_EQ(torn.events.size(), 1u);
  EXPECT_EQ(torn.events[0].requestId, "active0");
  EXPECT_EQ(torn.unreadableLines, 1u);
  const auto fresh = UsageSpool::read(segments[2]);
  ASSERT_EQ(fresh.events.size(), 1u); // not glued onto the torn line
  EXPECT_EQ(fresh.events[0].requestId, "new0");
}

TEST_F(UsageSpoolTest, RejectedEventsGoToTheirOwnFile) {
  UsageSpool spool(path_);
  spool.reject(events("bad", 1)[0]);
  EXPECT_FALSE(spool.hasPending());
  std::filesystem::path rejected = path_;
  rejected += ".rejected";
  EXPECT_EQ(UsageSpool::read(rejected).events.at(0).requestId, "bad0");
}

} // namespace
} // namespace gatehouse::usage
