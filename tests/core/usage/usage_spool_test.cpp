#include <gatehouse/store/id_generator.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <set>
#include <thread>

#include "usage_event_json.hpp"
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

  // The size of one of this fixture's event lines (ids of equal length give equal lines).
  static std::size_t toJsonLineSize() { return toJsonLine(events("e0-", 1)[0]).size(); }

  std::filesystem::path dir_;
  std::filesystem::path path_;
};

// A long store outage must not produce one huge segment: replay reads a whole segment into
// memory, so the active file is sealed as soon as it reaches the cap.
TEST_F(UsageSpoolTest, ActiveFileIsSealedOnceItReachesTheSegmentCap) {
  const std::size_t lineBytes = toJsonLineSize();
  UsageSpool spool(path_, lineBytes * 10);
  for (int batch = 0; batch < 7; ++batch)
    spool.append(events("e" + std::to_string(batch) + "-", 4), false);
  const auto segments = spool.segments();
  ASSERT_GE(segments.size(), 2u);
  for (const auto& segment : segments) {
    const UsageSpool::Segment content = UsageSpool::read(segment);
    EXPECT_EQ(content.unreadableLines, 0u);
    // Sealing happens after the batch that crossed the cap: at most cap + one batch.
    EXPECT_LE(std::filesystem::file_size(segment), lineBytes * (10 + 4) + 64);
  }
  spool.seal();
  std::size_t total = 0;
  for (const auto& segment : spool.segments())
    total += UsageSpool::read(segment).events.size();
  EXPECT_EQ(total, 28u);
}

// Request threads append without waiting for the disk, sealing included; the writer's sync()
// then covers the segments they sealed, even one it has already replayed and removed.
TEST_F(UsageSpoolTest, SyncCoversSegmentsThatNonDurableAppendsSealed) {
  const std::size_t lineBytes = toJsonLineSize();
  UsageSpool spool(path_, lineBytes * 5);
  for (int batch = 0; batch < 6; ++batch)
    spool.append(events("e" + std::to_string(batch) + "-", 2), false);
  auto segments = spool.segments();
  ASSERT_EQ(segments.size(), 2u); // sealed after batches 3 and 6, six lines each
  spool.remove(segments[0]);      // as a replay would, before the writer synced
  EXPECT_NO_THROW(spool.sync());
  segments = spool.segments();
  ASSERT_EQ(segments.size(), 1u);
  const UsageSpool::Segment content = UsageSpool::read(segments[0]);
  ASSERT_EQ(content.events.size(), 6u);
  EXPECT_EQ(content.events.front().requestId, "e3-0");
  EXPECT_EQ(content.events.back().requestId, "e5-1");
  EXPECT_NO_THROW(spool.sync()); // nothing left to sync
}

TEST_F(UsageSpoolTest, ConcurrentAppendsAndSyncsKeepEveryLineWholeAndOnce) {
  const std::size_t lineBytes = toJsonLineSize();
  UsageSpool spool(path_, lineBytes * 50);
  std::atomic<bool> appending{true};
  std::thread syncer([&] {
    while (appending.load())
      spool.sync();
  });
  std::vector<std::thread> appenders;
  for (int thread = 0; thread < 4; ++thread) {
    appenders.emplace_back([&spool, thread] {
      for (int i = 0; i < 100; ++i)
        spool.append(events("t" + std::to_string(thread) + "-" + std::to_string(i) + "-", 1), false);
    });
  }
  for (std::thread& appender : appenders)
    appender.join();
  appending = false;
  syncer.join();
  spool.sync();
  spool.seal();
  std::set<std::string> seen;
  std::size_t lines = 0;
  for (const auto& segment : spool.segments()) {
    const UsageSpool::Segment content = UsageSpool::read(segment);
    EXPECT_EQ(content.unreadableLines, 0u);
    lines += content.events.size();
    for (const UsageEvent& event : content.events)
      seen.insert(event.requestId);
  }
  EXPECT_EQ(lines, 400u);
  EXPECT_EQ(seen.size(), 400u);
}

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

TEST_F(UsageSpoolTest, SegmentLeftByAnOlderGatewayReplaysWithImageFieldsAtZero) {
  std::filesystem::create_directories(path_.parent_path());
  // The line format before ABI 1.1 added image_width, image_height and image_quality.
  std::ofstream(path_) << R"({"request_id":"pre-1.1","subject":"","team":"","app":"","key_id":"",)"
                          R"("provider":"p","model":"m","upstream_model":"m","endpoint":3,"streamed":false,)"
                          R"("http_status":200,"started_at_ms":1,"duration_ms":2,"prompt_tokens":0,)"
                          R"("completion_tokens":0,"cached_prompt_tokens":0,"reasoning_tokens":0,"images":1,)"
                          R"("audio_milliseconds":0,"characters":0,"cost_micro_usd":-1})"
                       << "\n";
  UsageEvent current = events("now", 1)[0];
  current.usage.image_width = 1024;
  current.usage.image_height = 1536;
  current.usage.image_quality = GH_IMAGE_QUALITY_MEDIUM;
  UsageSpool spool(path_); // a restart seals what the older run left
  spool.append({&current, 1}, true);
  spool.seal();

  const auto segments = spool.segments();
  ASSERT_EQ(segments.size(), 2u);
  const auto old = UsageSpool::read(segments[0]);
  ASSERT_EQ(old.events.size(), 1u);
  EXPECT_EQ(old.unreadableLines, 0u);
  EXPECT_EQ(old.events[0].requestId, "pre-1.1");
  EXPECT_EQ(old.events[0].usage.images, 1);
  EXPECT_EQ(old.events[0].usage.image_width, 0);
  EXPECT_EQ(old.events[0].usage.image_quality, 0);
  const auto fresh = UsageSpool::read(segments[1]);
  ASSERT_EQ(fresh.events.size(), 1u);
  EXPECT_EQ(fresh.events[0].usage.image_width, 1024);
  EXPECT_EQ(fresh.events[0].usage.image_height, 1536);
  EXPECT_EQ(fresh.events[0].usage.image_quality, GH_IMAGE_QUALITY_MEDIUM);
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
