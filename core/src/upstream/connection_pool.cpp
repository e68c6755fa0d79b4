#include <gatehouse/upstream/connection_pool.hpp>

#include <algorithm>

namespace gatehouse {

ConnectionPool::ConnectionPool(int maxPerTarget, std::chrono::milliseconds idleTimeout)
    : maxPerTarget_(std::max(1, maxPerTarget)), idleTimeout_(idleTimeout) {
}

ConnectionPool::~ConnectionPool() = default;

void ConnectionPool::takeExpired(Target& target,
                                 std::vector<std::unique_ptr<UpstreamConnection>>& expired) const {
  const UpstreamClock::time_point cutoff = UpstreamClock::now() - idleTimeout_;
  // Oldest first, so the expired ones are a prefix.
  auto firstFresh = std::find_if(target.idle.begin(), target.idle.end(),
                                 [&](const auto& connection) { return connection->idleSince() > cutoff; });
  std::move(target.idle.begin(), firstFresh, std::back_inserter(expired));
  target.idle.erase(target.idle.begin(), firstFresh);
}

bool ConnectionPool::acquire(std::string_view key, UpstreamClock::time_point deadline,
                             std::unique_ptr<UpstreamConnection>& idle) {
  std::vector<std::unique_ptr<UpstreamConnection>> expired; // destroyed (closed) after unlocking
  std::unique_lock lock(mutex_);
  auto found = targets_.find(key);
  if (found == targets_.end()) {
    found = targets_.try_emplace(std::string(key)).first;
  }
  Target& target = found->second;
  for (;;) {
    takeExpired(target, expired);
    if (!target.idle.empty()) {
      idle = std::move(target.idle.back());
      target.idle.pop_back();
      ++target.busy;
      break;
    }
    if (target.busy < maxPerTarget_) {
      ++target.busy;
      break;
    }
    if (target.slotFreed.wait_until(lock, deadline) == std::cv_status::timeout &&
        target.busy >= maxPerTarget_ && target.idle.empty()) {
      return false;
    }
  }
  lock.unlock();
  expired.clear();
  return true;
}

void ConnectionPool::release(std::string_view key, std::unique_ptr<UpstreamConnection> keep) {
  std::vector<std::unique_ptr<UpstreamConnection>> expired; // closed after the lock is released
  std::lock_guard lock(mutex_);
  Target& target = targets_.find(key)->second;
  --target.busy;
  if (keep) {
    keep->markIdle();
    target.idle.push_back(std::move(keep));
  }
  takeExpired(target, expired);
  target.slotFreed.notify_one();
}

std::size_t ConnectionPool::openCount(std::string_view key) const {
  std::lock_guard lock(mutex_);
  const auto found = targets_.find(key);
  return found == targets_.end() ? 0
                                 : found->second.idle.size() + static_cast<std::size_t>(found->second.busy);
}

} // namespace gatehouse
