// Keep-alive connections of one provider, per target (scheme, host, port, proxy), with at
// most maxPerTarget connections open per target, busy and idle together. The lock is
// held only to move connections between lists: never across I/O, closing included.
#pragma once

#include <gatehouse/upstream/upstream_connection.hpp>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse {

class ConnectionPool {
public:
  ConnectionPool(int maxPerTarget, std::chrono::milliseconds idleTimeout);
  ~ConnectionPool();
  ConnectionPool(const ConnectionPool&) = delete;
  ConnectionPool& operator=(const ConnectionPool&) = delete;

  // A slot for one connection to `key`, waiting until `deadline` while all are busy. On
  // true the caller owns a slot, and `idle` holds the most recently used idle connection
  // or is null (then the caller opens one). False: the pool stayed full.
  bool acquire(std::string_view key, UpstreamClock::time_point deadline,
               std::unique_ptr<UpstreamConnection>& idle);
  // Gives a slot back; a connection passed along stays open for the next request.
  void release(std::string_view key, std::unique_ptr<UpstreamConnection> keep);

  // Connections open (busy and idle) for `key`; for tests and diagnostics.
  std::size_t openCount(std::string_view key) const;

private:
  struct Target {
    std::vector<std::unique_ptr<UpstreamConnection>> idle; // oldest first
    int busy = 0;
    std::condition_variable slotFreed;
  };

  // Moves connections idle for too long out of `target`, to be closed without the lock.
  void takeExpired(Target& target, std::vector<std::unique_ptr<UpstreamConnection>>& expired) const;

  const int maxPerTarget_;
  const std::chrono::milliseconds idleTimeout_;
  mutable std::mutex mutex_;
  std::map<std::string, Target, std::less<>> targets_;
};

} // namespace gatehouse
