// Store throughput and latency (docs/performance.md, "Store"): usage batch inserts at several
// batch sizes, sustained usage through the UsageWriter, and API key lookup by hash, on SQLite
// and, when GATEHOUSE_BENCH_MARIADB_DIR names a running scripts/test-services/mariadb.sh server,
// on MySQL. benchmarks/store/run.sh starts that server, runs this, and stops it.
#include <gatehouse/store/id_generator.hpp>
#include <gatehouse/store/mysql_connection.hpp>
#include <gatehouse/store/open_store.hpp>
#include <gatehouse/usage/usage_writer.hpp>

#include <benchmark/benchmark.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>

namespace {

using namespace gatehouse;

std::filesystem::path scratchDir() {
  static const std::filesystem::path dir = [] {
    auto path = std::filesystem::temp_directory_path() / ("gatehouse_bench_" + store::newId().substr(0, 12));
    std::filesystem::create_directories(path);
    return path;
  }();
  return dir;
}

std::string firstLine(const std::filesystem::path& path) {
  std::ifstream file(path);
  std::string line;
  std::getline(file, line);
  return line;
}

StorageConfig configFor(const std::string& driver) {
  StorageConfig config;
  config.driver = driver;
  if (driver == "sqlite") {
    config.sqlite.path = (scratchDir() / "bench.db").string();
    return config;
  }
  const std::filesystem::path dir = std::getenv("GATEHOUSE_BENCH_MARIADB_DIR");
  config.mysql.port = static_cast<std::uint16_t>(std::stoi(firstLine(dir / "port")));
  config.mysql.passwordRef = "file:" + (dir / "password").string();
  config.mysql.database = "gatehouse_bench";
  config.mysql.poolSize = 4;
  // A fresh database per run, so figures never depend on an earlier run's rows.
  store::MysqlSettings admin = store::MysqlSettings::fromConfig(config.mysql);
  admin.database.clear();
  store::MysqlConnection connection(admin);
  connection.executeOnce("DROP DATABASE IF EXISTS gatehouse_bench");
  connection.executeOnce("CREATE DATABASE gatehouse_bench CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
  return config;
}

store::Store& storeFor(const std::string& driver) {
  static std::map<std::string, std::unique_ptr<store::Store>> stores;
  auto& slot = stores[driver];
  if (!slot)
    slot = store::openStore(configFor(driver));
  return *slot;
}

UsageEvent usageEvent(std::uint64_t n) {
  UsageEvent event;
  event.requestId = "bench-" + std::to_string(n) + "-" + store::newId().substr(0, 8);
  event.subject = "user-" + std::to_string(n % 50);
  event.team = "team-" + std::to_string(n % 5);
  event.app = "app-" + std::to_string(n % 3);
  event.keyId = "key-" + std::to_string(n % 100);
  event.provider = "openai";
  event.model = n % 2 ? "gpt-4o" : "gpt-4o-mini";
  event.upstreamModel = event.model;
  event.startedAtMs = 1'764'000'000'000 + static_cast<std::int64_t>(n % 7200) * 1000;
  event.durationMs = 350;
  event.usage.prompt_tokens = 800;
  event.usage.completion_tokens = 200;
  event.costMicroUsd = 4200;
  return event;
}

std::atomic<std::uint64_t> nextEvent{0};

void usageBatchInsert(benchmark::State& state, const std::string& driver) {
  store::Store& store = storeFor(driver);
  const auto size = static_cast<std::size_t>(state.range(0));
  std::vector<UsageEvent> batch(size);
  for (auto _ : state) {
    state.PauseTiming();
    for (auto& event : batch)
      event = usageEvent(nextEvent++);
    state.ResumeTiming();
    benchmark::DoNotOptimize(store.usage().insert(batch));
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(size));
  state.counters["events_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * static_cast<double>(size), benchmark::Counter::kIsRate);
}

// What the gateway sees: submit() cost on the request thread, and how many events per second the
// background writer sustains into the store with its default batch size.
void usageWriterSustained(benchmark::State& state, const std::string& driver) {
  store::Store& store = storeFor(driver);
  const auto events = static_cast<std::size_t>(state.range(0));
  double submitNs = 0;
  for (auto _ : state) {
    state.PauseTiming();
    UsageWriterOptions options;
    options.spoolPath = scratchDir() / ("writer-" + driver + ".spool");
    options.maxBatch = 500;
    options.queueCapacity = events + 1;
    std::vector<UsageEvent> prepared(events);
    for (auto& event : prepared)
      event = usageEvent(nextEvent++);
    UsageWriter writer(store.usage(), options);
    state.ResumeTiming();
    const auto started = std::chrono::steady_clock::now();
    for (auto& event : prepared)
      writer.submit(std::move(event));
    submitNs += static_cast<double>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - started)
            .count());
    if (!writer.flush(std::chrono::minutes(5)))
      state.SkipWithError("writer did not drain");
    state.PauseTiming();
    if (writer.stats().spooled != 0)
      state.SkipWithError("events were spooled");
    writer.stop(std::chrono::seconds(5));
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(events));
  state.counters["events_per_s"] = benchmark::Counter(
      static_cast<double>(state.iterations()) * static_cast<double>(events), benchmark::Counter::kIsRate);
  state.counters["submit_ns"] =
      submitNs / (static_cast<double>(state.iterations()) * static_cast<double>(events));
}

void keyLookup(benchmark::State& state, const std::string& driver) {
  store::Store& store = storeFor(driver);
  constexpr int kKeys = 10000;
  static std::map<std::string, bool> seeded;
  if (!seeded[driver]) {
    const store::User owner =
        store.users().create(store::NewUser{"", "bench@example.com", "Bench", store::Role::Member});
    for (int i = 0; i < kKeys; ++i) {
      store::NewApiKey key;
      key.keyHash = "hash-" + std::to_string(i);
      key.prefix = "gh-" + std::to_string(i % 1000);
      key.ownerUserId = owner.id;
      key.scopes = {"chat"};
      store.apiKeys().insert(key);
    }
    seeded[driver] = true;
  }
  std::uint64_t n = 0;
  for (auto _ : state) {
    auto key = store.apiKeys().findByHash("hash-" + std::to_string((n++ * 7919) % kKeys));
    if (!key)
      state.SkipWithError("key not found");
    benchmark::DoNotOptimize(key);
  }
}

void registerFor(const std::string& driver) {
  for (const int size : {1, 100, 500, 1000}) {
    benchmark::RegisterBenchmark(("usage_batch_insert/" + driver).c_str(), usageBatchInsert, driver)
        ->Arg(size)
        ->ArgName("batch")
        ->Unit(benchmark::kMillisecond)
        ->MinTime(1.0)
        ->UseRealTime();
  }
  benchmark::RegisterBenchmark(("usage_writer_sustained/" + driver).c_str(), usageWriterSustained, driver)
      ->Arg(100000)
      ->ArgName("events")
      ->Unit(benchmark::kMillisecond)
      ->Iterations(2)
      ->UseRealTime();
  benchmark::RegisterBenchmark(("api_key_lookup/" + driver).c_str(), keyLookup, driver)
      ->Unit(benchmark::kMicrosecond);
}

} // namespace

int main(int argc, char** argv) {
  registerFor("sqlite");
  if (const char* dir = std::getenv("GATEHOUSE_BENCH_MARIADB_DIR"); dir != nullptr && *dir != '\0') {
    registerFor("mysql");
  } else {
    std::fprintf(stderr, "GATEHOUSE_BENCH_MARIADB_DIR is not set: MySQL benchmarks skipped (see run.sh)\n");
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::filesystem::remove_all(scratchDir());
  return 0;
}
