#include <gatehouse/common/background_thread.hpp>
#include <gatehouse/common/log.hpp>
#include <gatehouse/store/store_error.hpp>
#include <gatehouse/usage/usage_writer.hpp>

#include <algorithm>
#include <stdexcept>

#include "spool_spill.hpp"
#include "usage_spool.hpp"

namespace gatehouse {
namespace {

constexpr const char* kComponent = "usage";

bool isEventsFault(const store::StoreError& error) {
  return error.kind() == store::StoreError::Kind::Invalid ||
         error.kind() == store::StoreError::Kind::Conflict;
}

} // namespace

UsageWriter::UsageWriter(store::UsageRepository& repository, UsageWriterOptions options)
    : repository_(repository), options_(std::move(options)) {
  if (options_.spoolPath.empty())
    throw std::invalid_argument("the usage writer needs a spool path");
  options_.maxBatch = std::max<std::size_t>(options_.maxBatch, 1);
  options_.queueCapacity = std::max<std::size_t>(options_.queueCapacity, 1);
  spool_ = std::make_unique<usage::UsageSpool>(options_.spoolPath);
  spill_ = std::make_unique<usage::SpoolSpill>(*spool_);
  spoolPending_ = spool_->hasPending();
  thread_ = std::thread([this] { run(); });
}

UsageWriter::~UsageWriter() {
  stop(std::chrono::seconds(10));
}

void UsageWriter::submit(UsageEvent event) noexcept {
  ++submitted_;
  try {
    bool durable = false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!stopping_ && queue_.size() < options_.queueCapacity) {
        queue_.push_back(std::move(event));
        if (queue_.size() == options_.maxBatch)
          wake_.notify_one();
        return;
      }
      spoolPending_ = true;
      durable = stopped_; // no thread is left to sync it later
    }
    // Full queue, or shutting down: the spool keeps the event. Never a wait for the disk on this
    // path: the spill buffer makes one write per ~256 KiB, and the writer thread syncs it later.
    if (durable) {
      spool_->append(std::span<const UsageEvent>(&event, 1), true);
      ++spooled_;
      return;
    }
    const usage::SpillWrite spilled = spill_->add(event);
    ++spooled_; // before account(), which takes back what a failed write lost
    account(spilled);
    // stop() drains the buffer once it has set stopped_; an event added after that drain must
    // not wait in memory for a drain that will never come. Read without mutex_: the writer
    // thread (niceness 19) may be preempted while it holds it.
    if (stopped_.load())
      drainSpill(true);
  } catch (...) {
    ++dropped_;
    try {
      log::error(kComponent, "could not queue or spool a usage event; it is lost");
    } catch (...) {
      // Nothing more can be done from a noexcept function.
    }
  }
}

bool UsageWriter::flush(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  if (stopped_)
    return queue_.empty() && !spoolPending_;
  ++flushWaiters_;
  wake_.notify_one();
  const bool done =
      progress_.wait_for(lock, timeout, [&] { return queue_.empty() && inFlight_ == 0 && !spoolPending_; });
  --flushWaiters_;
  return done;
}

void UsageWriter::account(const usage::SpillWrite& write) {
  if (write.events == 0)
    return;
  if (!write.failed) {
    spoolUnsynced_ = true;
    return;
  }
  spooled_ -= write.events;
  dropped_ += write.events;
  try {
    log::error(kComponent, "cannot write the usage spool; " + std::to_string(write.events) +
                               " usage events are lost: " + write.error);
  } catch (...) {
    // Reached from noexcept submit(): nothing more can be done.
  }
}

void UsageWriter::drainSpill(bool durable) {
  account(spill_->drain(durable));
}

void UsageWriter::stop(std::chrono::milliseconds timeout) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!stopping_) {
      stopping_ = true;
      deadline_ = std::chrono::steady_clock::now() + timeout;
    }
    wake_.notify_one();
  }
  if (thread_.joinable())
    thread_.join();
  std::lock_guard<std::mutex> lock(mutex_);
  stopped_ = true;
  drainSpill(true); // submits from now on write durably themselves
  try {
    spool_->sync();
  } catch (const std::exception& error) {
    log::error(kComponent, std::string("cannot sync the usage spool: ") + error.what());
  }
}

UsageWriterStats UsageWriter::stats() const {
  UsageWriterStats stats;
  stats.submitted = submitted_;
  stats.written = written_;
  stats.replayed = replayed_;
  stats.duplicates = duplicates_;
  stats.spooled = spooled_;
  stats.rejected = rejected_;
  stats.dropped = dropped_;
  stats.storeFailures = storeFailures_;
  stats.storeHealthy = storeHealthy_;
  std::lock_guard<std::mutex> lock(mutex_);
  stats.queued = queue_.size();
  return stats;
}

void UsageWriter::run() {
  nameCurrentThread("gh-usage-writer");
  setCurrentThreadNice(options_.threadNice);
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait_for(lock, options_.maxDelay, [&] {
      return stopping_ || queue_.size() >= options_.maxBatch || (flushWaiters_ > 0 && !queue_.empty());
    });
    std::vector<UsageEvent> batch = takeBatch(lock);
    lock.unlock();
    if (!batch.empty())
      deliver(batch);
    drainSpill(false);
    if (spoolUnsynced_.exchange(false)) {
      try {
        spool_->sync();
      } catch (const std::exception& error) {
        log::error(kComponent, std::string("cannot sync the usage spool: ") + error.what());
      }
    }
    replayIfDue();
    const bool pending = spool_->hasPending() || !spill_->empty();
    lock.lock();
    inFlight_ = 0;
    spoolPending_ = pending;
    progress_.notify_all();
    if (stopping_ && queue_.empty())
      return;
  }
}

std::vector<UsageEvent> UsageWriter::takeBatch(std::unique_lock<std::mutex>&) {
  const std::size_t count = std::min(queue_.size(), options_.maxBatch);
  std::vector<UsageEvent> batch;
  batch.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    batch.push_back(std::move(queue_.front()));
    queue_.pop_front();
  }
  inFlight_ = count;
  return batch;
}

void UsageWriter::deliver(std::vector<UsageEvent>& batch) {
  // While the store is known to be down, batches go straight to the spool; the replay loop is
  // what probes the store, at its own pace.
  if (healthy_ && !pastDeadline() && store(batch, written_))
    return;
  if (spool(batch))
    return;
  if (!pastDeadline() && store(batch, written_))
    return;
  dropped_ += batch.size();
  log::error(kComponent, "the store and the spool both failed; " + std::to_string(batch.size()) +
                             " usage events are lost");
}

bool UsageWriter::store(std::span<const UsageEvent> events, std::atomic<std::uint64_t>& confirmed) {
  try {
    const std::size_t inserted = repository_.insert(events);
    confirmed += events.size();
    duplicates_ += events.size() - inserted;
    markStore(true, "");
    return true;
  } catch (const store::StoreError& error) {
    if (isEventsFault(error)) {
      storeOneByOne(events, confirmed);
      return true;
    }
    ++storeFailures_;
    markStore(false, error.what());
  } catch (const std::exception& error) {
    ++storeFailures_;
    markStore(false, error.what());
  }
  return false;
}

void UsageWriter::storeOneByOne(std::span<const UsageEvent> events, std::atomic<std::uint64_t>& confirmed) {
  // Some event in the batch cannot be stored: find which, and keep the others flowing.
  for (std::size_t i = 0; i < events.size(); ++i) {
    try {
      const std::size_t inserted = repository_.insert(events.subspan(i, 1));
      ++confirmed;
      duplicates_ += 1 - inserted;
    } catch (const store::StoreError& error) {
      if (!isEventsFault(error)) {
        ++storeFailures_;
        markStore(false, error.what());
        if (!spool(events.subspan(i)))
          dropped_ += events.size() - i;
        return;
      }
      ++rejected_;
      log::error(kComponent,
                 std::string("the store refused a usage event; kept in the .rejected file: ") + error.what());
      try {
        spool_->reject(events[i]);
      } catch (const std::exception&) {
        ++dropped_;
      }
    }
  }
}

bool UsageWriter::spool(std::span<const UsageEvent> events) {
  try {
    spool_->append(events, true);
    spooled_ += events.size();
    return true;
  } catch (const std::exception& error) {
    log::error(kComponent, std::string("cannot write the usage spool: ") + error.what());
    return false;
  }
}

void UsageWriter::replayIfDue() {
  if (pastDeadline() || !spool_->hasPending())
    return;
  const auto now = std::chrono::steady_clock::now();
  if (!healthy_ && now - lastReplayAttempt_ < options_.retryInterval)
    return;
  lastReplayAttempt_ = now;
  try {
    spool_->seal();
    for (const auto& segment : spool_->segments()) {
      const usage::UsageSpool::Segment content = usage::UsageSpool::read(segment);
      if (content.unreadableLines > 0) {
        log::warn(kComponent, "skipped " + std::to_string(content.unreadableLines) + " unreadable lines in " +
                                  segment.string());
      }
      const std::span<const UsageEvent> events(content.events);
      for (std::size_t offset = 0; offset < events.size(); offset += options_.maxBatch) {
        // On failure the segment stays and is replayed from its start next time: the store
        // skips what it already has.
        if (!store(events.subspan(offset, std::min(options_.maxBatch, events.size() - offset)), replayed_))
          return;
        if (pastDeadline())
          return;
      }
      spool_->remove(segment);
      log::info(kComponent, "replayed " + std::to_string(events.size()) + " spooled usage events");
    }
  } catch (const std::exception& error) {
    log::error(kComponent, std::string("usage spool replay failed: ") + error.what());
  }
}

bool UsageWriter::pastDeadline() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stopping_ && std::chrono::steady_clock::now() >= deadline_;
}

void UsageWriter::markStore(bool healthy, const char* why) {
  if (healthy == healthy_)
    return;
  healthy_ = healthy;
  storeHealthy_ = healthy;
  if (healthy) {
    log::info(kComponent, "the store answers again; writing usage directly");
  } else {
    log::warn(kComponent, std::string("cannot write usage to the store (") + why + "); spooling to " +
                              options_.spoolPath.string());
  }
}

} // namespace gatehouse
