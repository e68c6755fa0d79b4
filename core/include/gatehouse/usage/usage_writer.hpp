// The UsageSink the gateway runs with: keeps usage writes off the request path.
//
// submit() only queues (bounded). A background thread drains the queue in batches, each one
// multi-row, idempotent insert (UsageRepository::insert). When the store fails, the batch goes
// to a local append-only spool file (fsync'd) instead, and the thread replays the spool once the
// store answers again, deleting spooled data only after the store confirmed it. A full queue
// spills to the spool too, through an in-memory buffer written in ~256 KiB appends, so a
// saturated gateway's request threads do not each make a file write. A spool left by a crash is replayed at
// start. Together with the store's idempotency on request id, no event is lost or counted twice.
#pragma once

#include <gatehouse/store/usage_repository.hpp>
#include <gatehouse/usage/usage_sink.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace gatehouse {

namespace usage {
class SpoolSpill;
class UsageSpool;
struct SpillWrite;
} // namespace usage

struct UsageWriterOptions {
  std::filesystem::path spoolPath; // required; sealed segments and "<path>.rejected" sit beside it
  std::size_t queueCapacity = 100000;
  std::size_t maxBatch = 500;
  // A batch smaller than maxBatch waits at most this long for more events.
  std::chrono::milliseconds maxDelay{100};
  // While the store is down: how often the spool replay tries it again.
  std::chrono::milliseconds retryInterval{1000};
  // Niceness of the writer thread (background_thread.hpp): 19 keeps its batch writes from
  // delaying requests; 0 shares the CPU evenly with them.
  int threadNice = 19;
};

struct UsageWriterStats {
  std::uint64_t submitted = 0;
  std::uint64_t written = 0;       // confirmed by the store straight from the queue
  std::uint64_t replayed = 0;      // confirmed by the store from the spool
  std::uint64_t duplicates = 0;    // of written + replayed: already stored (a retry or a replay)
  std::uint64_t spooled = 0;       // handed to the spool (written, or in its spill buffer)
  std::uint64_t rejected = 0;      // refused by the store as invalid; kept in "<spool>.rejected"
  std::uint64_t dropped = 0;       // lost because even the spool could not be written: must stay 0
  std::uint64_t storeFailures = 0; // store calls that failed
  std::size_t queued = 0;          // waiting in memory now
  bool storeHealthy = true;
};

class UsageWriter final : public UsageSink {
public:
  // Starts the background thread, which first replays any spool an earlier run left.
  // Throws when the spool folder cannot be created.
  UsageWriter(store::UsageRepository& repository, UsageWriterOptions options);
  // stop() with a 10 s deadline when not stopped already.
  ~UsageWriter() override;
  UsageWriter(const UsageWriter&) = delete;
  UsageWriter& operator=(const UsageWriter&) = delete;

  void submit(UsageEvent event) noexcept override;
  // Waits until every event submitted so far is in the store (queue drained, spool replayed).
  // False on timeout; whatever is not in the store by then is safe in the spool.
  bool flush(std::chrono::milliseconds timeout);
  // Drains the queue into the store, or into the spool for whatever the deadline or a store
  // failure leaves, then ends the thread. Later submits go straight to the spool.
  void stop(std::chrono::milliseconds timeout);
  UsageWriterStats stats() const;

private:
  void run();
  std::vector<UsageEvent> takeBatch(std::unique_lock<std::mutex>& lock);
  void deliver(std::vector<UsageEvent>& batch);
  // Sends events to the store; false when the store is unreachable (nothing more was sent).
  bool store(std::span<const UsageEvent> events, std::atomic<std::uint64_t>& confirmed);
  void storeOneByOne(std::span<const UsageEvent> events, std::atomic<std::uint64_t>& confirmed);
  bool spool(std::span<const UsageEvent> events);
  // Accounts for what the spill buffer wrote or lost.
  void account(const usage::SpillWrite& write);
  void drainSpill(bool durable);
  void replayIfDue();
  bool pastDeadline() const;
  void markStore(bool healthy, const char* why);

  store::UsageRepository& repository_;
  UsageWriterOptions options_;
  std::unique_ptr<usage::UsageSpool> spool_;
  std::unique_ptr<usage::SpoolSpill> spill_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;     // the writer thread waits on it
  std::condition_variable progress_; // flush() waits on it
  std::deque<UsageEvent> queue_;
  std::size_t inFlight_ = 0;
  bool spoolPending_ = false;
  int flushWaiters_ = 0;
  bool stopping_ = false;
  std::atomic<bool> stopped_{false}; // set under mutex_; the spill path reads it without
  std::chrono::steady_clock::time_point deadline_;

  // Only the writer thread touches these.
  bool healthy_ = true;
  std::chrono::steady_clock::time_point lastReplayAttempt_{};

  std::atomic<std::uint64_t> submitted_{0}, written_{0}, replayed_{0}, duplicates_{0}, spooled_{0},
      rejected_{0}, dropped_{0}, storeFailures_{0};
  std::atomic<bool> storeHealthy_{true};
  std::atomic<bool> spoolUnsynced_{false}; // submit() spilled without fsync; the thread syncs
  std::thread thread_;
};

} // namespace gatehouse
