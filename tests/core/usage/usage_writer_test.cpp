// The usage writer against a controllable in-memory store, and once end to end with SQLite.
#include <gatehouse/store/id_generator.hpp>
#include <gatehouse/store/open_store.hpp>
#include <gatehouse/usage/usage_writer.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "fake_usage_repository.hpp"
#include "usage_spool.hpp"

namespace gatehouse {
namespace {

using namespace std::chrono_literals;
using testing::FakeUsageRepository;

UsageEvent event(const std::string& requestId) {
  UsageEvent event;
  event.requestId = requestId;
  event.subject = "ada";
  event.model = "gpt-4o";
  event.startedAtMs = 1'764'000'000'000;
  event.usage.prompt_tokens = 3;
  return event;
}

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds limit = 10s) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition())
      return true;
    std::this_thread::sleep_for(5ms);
  }
  return condition();
}

class UsageWriterTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("gatehouse_writer_" + store::newId());
    options_.spoolPath = dir_ / "usage.spool";
    options_.maxBatch = 10;
    options_.maxDelay = 20ms;
    options_.retryInterval = 20ms;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::size_t spooledOnDisk() {
    std::size_t count = 0;
    usage::UsageSpool spool(options_.spoolPath); // seals whatever the writer left active
    for (const auto& segment : spool.segments())
      count += usage::UsageSpool::read(segment).events.size();
    return count;
  }

  std::filesystem::path dir_;
  UsageWriterOptions options_;
  FakeUsageRepository store_;
};

TEST_F(UsageWriterTest, WritesEverythingInBatchesNoLargerThanMaxBatch) {
  UsageWriter writer(store_, options_);
  for (int i = 0; i < 95; ++i)
    writer.submit(event("e" + std::to_string(i)));
  ASSERT_TRUE(writer.flush(10s));
  EXPECT_EQ(store_.storedCount(), 95u);
  for (const std::size_t size : store_.batchSizes())
    EXPECT_LE(size, 10u);
  EXPECT_LT(store_.batchSizes().size(), 95u); // batched, not one insert per event
  const UsageWriterStats stats = writer.stats();
  EXPECT_EQ(stats.submitted, 95u);
  EXPECT_EQ(stats.written, 95u);
  EXPECT_EQ(stats.spooled, 0u);
  EXPECT_EQ(stats.dropped, 0u);
  EXPECT_EQ(stats.queued, 0u);
}

TEST_F(UsageWriterTest, WritesAtBackgroundNicenessByDefault) {
  const int submitterNice = currentThreadNice();
  UsageWriter writer(store_, options_);
  writer.submit(event("niced"));
  ASSERT_TRUE(writer.flush(10s));
  EXPECT_EQ(store_.insertingThreadNice(), kBackgroundThreadNice);
  EXPECT_EQ(currentThreadNice(), submitterNice); // submitters keep their own priority
}

TEST_F(UsageWriterTest, WritesAtTheConfiguredNiceness) {
  // Never below the test's own niceness: lowering it would need privilege.
  options_.threadNice = std::max(7, currentThreadNice());
  UsageWriter writer(store_, options_);
  writer.submit(event("configured"));
  ASSERT_TRUE(writer.flush(10s));
  EXPECT_EQ(store_.insertingThreadNice(), options_.threadNice);
}

TEST_F(UsageWriterTest, APartialBatchIsWrittenAfterMaxDelayWithoutAFlush) {
  UsageWriter writer(store_, options_);
  writer.submit(event("lonely"));
  EXPECT_TRUE(eventually([&] { return store_.has("lonely"); }));
}

TEST_F(UsageWriterTest, StoreOutageSpoolsThenReplaysWhenTheStoreIsBack) {
  store_.setFailing(true);
  UsageWriter writer(store_, options_);
  for (int i = 0; i < 50; ++i)
    writer.submit(event("o" + std::to_string(i)));
  EXPECT_FALSE(writer.flush(300ms)); // cannot reach the store: not done, but nothing is lost
  EXPECT_EQ(writer.stats().spooled, 50u);
  EXPECT_FALSE(writer.stats().storeHealthy);
  EXPECT_GT(writer.stats().storeFailures, 0u);
  EXPECT_EQ(store_.storedCount(), 0u);

  store_.setFailing(false);
  ASSERT_TRUE(writer.flush(10s));
  EXPECT_EQ(store_.storedCount(), 50u);
  EXPECT_EQ(writer.stats().replayed, 50u);
  EXPECT_TRUE(writer.stats().storeHealthy);
  writer.stop(1s);
  EXPECT_EQ(spooledOnDisk(), 0u); // replayed segments are deleted
}

TEST_F(UsageWriterTest, AFullQueueSpillsToTheSpoolInsteadOfDropping) {
  options_.queueCapacity = 5;
  store_.setBlocked(true); // the writer thread hangs inside the store call
  UsageWriter writer(store_, options_);
  for (int i = 0; i < 60; ++i)
    writer.submit(event("f" + std::to_string(i)));
  EXPECT_GT(writer.stats().spooled, 0u);
  EXPECT_LE(writer.stats().queued, 5u);
  store_.setBlocked(false);
  ASSERT_TRUE(writer.flush(10s));
  EXPECT_EQ(store_.storedCount(), 60u);
  EXPECT_EQ(writer.stats().dropped, 0u);
}

TEST_F(UsageWriterTest, ASpoolLeftByAnEarlierRunIsReplayedAtStart) {
  store_.setFailing(true);
  {
    UsageWriter first(store_, options_);
    for (int i = 0; i < 20; ++i)
      first.submit(event("r" + std::to_string(i)));
    first.stop(200ms);
    EXPECT_EQ(first.stats().spooled, 20u);
  }
  store_.setFailing(false);
  UsageWriter second(store_, options_);
  ASSERT_TRUE(second.flush(10s));
  EXPECT_EQ(store_.storedCount(), 20u);
  EXPECT_EQ(second.stats().replayed, 20u);
}

TEST_F(UsageWriterTest, RepeatedRequestIdsAreStoredOnceAndCountedAsDuplicates) {
  UsageWriter writer(store_, options_);
  for (int i = 0; i < 30; ++i)
    writer.submit(event("d" + std::to_string(i % 10)));
  ASSERT_TRUE(writer.flush(10s));
  EXPECT_EQ(store_.storedCount(), 10u);
  EXPECT_EQ(writer.stats().duplicates, 20u);
}

TEST_F(UsageWriterTest, AnEventTheStoreRefusesIsSetAsideAndTheRestStored) {
  UsageWriter writer(store_, options_);
  for (int i = 0; i < 9; ++i)
    writer.submit(event("ok" + std::to_string(i)));
  writer.submit(event("poison-1"));
  ASSERT_TRUE(writer.flush(10s));
  EXPECT_EQ(store_.storedCount(), 9u);
  EXPECT_EQ(writer.stats().rejected, 1u);
  EXPECT_EQ(writer.stats().dropped, 0u);
  std::filesystem::path rejected = options_.spoolPath;
  rejected += ".rejected";
  EXPECT_EQ(usage::UsageSpool::read(rejected).events.at(0).requestId, "poison-1");
}

TEST_F(UsageWriterTest, StopWithTheStoreDownSpoolsTheQueueWithinTheDeadline) {
  store_.setFailing(true);
  auto writer = std::make_unique<UsageWriter>(store_, options_);
  for (int i = 0; i < 40; ++i)
    writer->submit(event("s" + std::to_string(i)));
  const auto started = std::chrono::steady_clock::now();
  writer->stop(500ms);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
  writer->submit(event("late")); // after stop: straight to the spool
  EXPECT_EQ(writer->stats().dropped, 0u);
  writer.reset();
  EXPECT_EQ(spooledOnDisk(), 41u);
}

// Events that found the queue full wait in the spill buffer (in memory, written in large
// appends); a stop must still put every one of them in the spool.
TEST_F(UsageWriterTest, StopWritesTheSpilledEventsToo) {
  options_.queueCapacity = 5;
  store_.setFailing(true);
  auto writer = std::make_unique<UsageWriter>(store_, options_);
  for (int i = 0; i < 60; ++i)
    writer->submit(event("q" + std::to_string(i)));
  writer->stop(500ms);
  EXPECT_EQ(writer->stats().spooled, 60u);
  EXPECT_EQ(writer->stats().dropped, 0u);
  writer.reset();
  EXPECT_EQ(spooledOnDisk(), 60u);
}

TEST_F(UsageWriterTest, EndToEndWithSqliteEveryEventLandsExactlyOnce) {
  StorageConfig config;
  config.sqlite.path = (dir_ / "gatehouse.db").string();
  auto store = store::openStore(config);
  options_.maxBatch = 64;
  UsageWriter writer(store->usage(), options_);
  std::vector<std::thread> producers;
  for (int t = 0; t < 3; ++t) {
    producers.emplace_back([&, t] {
      for (int i = 0; i < 500; ++i)
        writer.submit(event("x" + std::to_string((i * 7 + t) % 1000)));
    });
  }
  for (auto& producer : producers)
    producer.join();
  ASSERT_TRUE(writer.flush(20s));
  store::UsageQuery all;
  all.toMs = 2'000'000'000'000;
  const auto totals = store->usage().summarize(all);
  ASSERT_EQ(totals.size(), 1u);
  std::set<int> distinct;
  for (int t = 0; t < 3; ++t)
    for (int i = 0; i < 500; ++i)
      distinct.insert((i * 7 + t) % 1000);
  EXPECT_EQ(totals[0].requests, static_cast<std::int64_t>(distinct.size()));
  EXPECT_EQ(totals[0].promptTokens, static_cast<std::int64_t>(distinct.size()) * 3);
  EXPECT_EQ(writer.stats().written, 1500u);
  EXPECT_EQ(writer.stats().duplicates, 1500u - distinct.size());
}

} // namespace
} // namespace gatehouse
