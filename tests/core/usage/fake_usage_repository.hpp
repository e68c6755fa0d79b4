// A UsageRepository in memory that can be told to fail, to block, or to refuse poison events,
// with the same idempotency on request id as the real store.
#pragma once

#include <gatehouse/common/background_thread.hpp>
#include <gatehouse/store/store_error.hpp>
#include <gatehouse/store/usage_repository.hpp>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <vector>

namespace gatehouse::testing {

class FakeUsageRepository final : public store::UsageRepository {
public:
  std::size_t insert(std::span<const UsageEvent> events) override {
    std::unique_lock<std::mutex> lock(mutex_);
    released_.wait(lock, [&] { return !blocked_; });
    batchSizes_.push_back(events.size());
    insertingThreadNice_ = currentThreadNice();
    if (failing_)
      throw store::StoreError(store::StoreError::Kind::Unavailable, "store is down");
    for (const UsageEvent& event : events) {
      // Like a rolled-back transaction: one bad event and nothing of the batch is stored.
      if (event.requestId.starts_with("poison"))
        throw store::StoreError(store::StoreError::Kind::Invalid, "bad event");
    }
    std::size_t inserted = 0;
    for (const UsageEvent& event : events)
      inserted += stored_.insert(event.requestId).second ? 1 : 0;
    return inserted;
  }
  std::optional<UsageEvent> find(const std::string&) override { return std::nullopt; }
  std::vector<store::UsageAggregate> summarize(const store::UsageQuery&) override { return {}; }

  void setFailing(bool failing) {
    std::lock_guard<std::mutex> lock(mutex_);
    failing_ = failing;
  }
  void setBlocked(bool blocked) {
    std::lock_guard<std::mutex> lock(mutex_);
    blocked_ = blocked;
    released_.notify_all();
  }
  std::size_t storedCount() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return stored_.size();
  }
  bool has(const std::string& requestId) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return stored_.count(requestId) > 0;
  }
  // The niceness of the thread that made the latest insert call (-1: none yet).
  int insertingThreadNice() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return insertingThreadNice_;
  }
  std::vector<std::size_t> batchSizes() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return batchSizes_;
  }

private:
  mutable std::mutex mutex_;
  std::condition_variable released_;
  bool failing_ = false;
  bool blocked_ = false;
  std::set<std::string> stored_;
  std::vector<std::size_t> batchSizes_;
  int insertingThreadNice_ = -1;
};

} // namespace gatehouse::testing
