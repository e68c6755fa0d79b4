// The MySQL server is stopped while usage events keep arriving, then started again on the same
// port and data. Every event must arrive exactly once, in the events table and in the rollups.
// This test owns its server (the `mariadb_outage` fixture), so the restart disturbs no other test.
#include <gatehouse/store/id_generator.hpp>
#include <gatehouse/store/open_store.hpp>
#include <gatehouse/store/sql_store.hpp>
#include <gatehouse/usage/usage_writer.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <thread>

#include "test_databases.hpp"

namespace gatehouse {
namespace {

using namespace std::chrono_literals;

void runScript(const std::string& command) {
  const std::string line = std::string(GATEHOUSE_MARIADB_SCRIPT) + " " + command + " " +
                           store::testing::mariadbDir().string() + " >/dev/null";
  ASSERT_EQ(std::system(line.c_str()), 0) << line;
}

TEST(UsageWriterOutage, EveryEventArrivesExactlyOnceAcrossAServerRestart) {
  store::testing::TestDatabase database(store::testing::Backend::Mysql);
  StorageConfig config = database.config();
  config.mysql.connectTimeoutSeconds = 2;
  auto store = store::openStore(config);

  const auto spoolDir = std::filesystem::temp_directory_path() / ("gatehouse_outage_" + store::newId());
  UsageWriterOptions options;
  options.spoolPath = spoolDir / "usage.spool";
  options.maxBatch = 200;
  options.maxDelay = 20ms;
  options.retryInterval = 100ms;
  UsageWriter writer(store->usage(), options);

  std::atomic<int> submitted{0};
  std::atomic<bool> done{false};
  std::thread producer([&] {
    while (!done) {
      for (int i = 0; i < 5; ++i) {
        UsageEvent event;
        event.requestId = "outage-" + std::to_string(submitted.load());
        event.subject = "ada";
        event.model = "gpt-4o";
        event.startedAtMs = 1'764'000'000'000;
        event.usage.prompt_tokens = 2;
        writer.submit(std::move(event));
        ++submitted;
      }
      std::this_thread::sleep_for(1ms);
    }
  });
  const auto waitForMore = [&](int count) {
    const int target = submitted + count;
    while (submitted < target)
      std::this_thread::sleep_for(5ms);
  };

  waitForMore(1000);
  runScript("stop");
  waitForMore(1000); // recorded while the server is down
  runScript("start");
  waitForMore(1000);
  done = true;
  producer.join();

  ASSERT_TRUE(writer.flush(60s)) << "events still waiting in the spool";
  const UsageWriterStats stats = writer.stats();
  EXPECT_GT(stats.spooled, 0u) << "the outage never reached the writer";
  EXPECT_GT(stats.storeFailures, 0u);
  EXPECT_EQ(stats.dropped, 0u);
  EXPECT_EQ(stats.rejected, 0u);

  const int expected = submitted;
  std::int64_t rows = 0;
  std::int64_t distinctRows = 0;
  static_cast<store::SqlStore&>(*store).database().read([&](store::SqlConnection& connection) {
    const auto row =
        connection.query("SELECT COUNT(*), COUNT(DISTINCT request_id) FROM usage_events").front();
    rows = row.int64(0);
    distinctRows = row.int64(1);
  });
  EXPECT_EQ(rows, expected);
  EXPECT_EQ(distinctRows, expected);
  store::UsageQuery all;
  all.toMs = 2'000'000'000'000;
  const auto totals = store->usage().summarize(all);
  ASSERT_EQ(totals.size(), 1u);
  EXPECT_EQ(totals[0].requests, expected);
  EXPECT_EQ(totals[0].promptTokens, 2 * static_cast<std::int64_t>(expected));
  writer.stop(5s);
  std::filesystem::remove_all(spoolDir);
}

} // namespace
} // namespace gatehouse
