// Shared, thread-safe bookkeeping of a running server: requests in flight, the
// draining flag, and the open connections (so idle keep-alive ones can be closed at
// the end of a graceful shutdown instead of waiting for their timeout).
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <unordered_set>

namespace gatehouse::http {

class TrackedConnection {
public:
  virtual ~TrackedConnection() = default;
  virtual bool busy() const = 0;
  // Ends the connection's wait for another request; must be safe from another thread.
  virtual void interruptIdle() = 0;
};

class ServerState {
public:
  void requestStarted() { inFlight_.fetch_add(1, std::memory_order_acq_rel); }
  void requestFinished() { inFlight_.fetch_sub(1, std::memory_order_acq_rel); }
  int inFlight() const { return inFlight_.load(std::memory_order_acquire); }
  // True when no request is in flight before `timeout` ends.
  bool waitForIdle(std::chrono::milliseconds timeout) const;

  void startDraining() { draining_.store(true, std::memory_order_release); }
  bool draining() const { return draining_.load(std::memory_order_acquire); }

  // The final stage: connections still waiting for a first request give up at once.
  void startStopping() { stopping_.store(true, std::memory_order_release); }
  bool stopping() const { return stopping_.load(std::memory_order_acquire); }

  void connectionOpened(TrackedConnection& connection);
  void connectionClosed(TrackedConnection& connection);
  std::size_t openConnections() const;
  // Interrupts every connection that is not serving a request right now.
  void interruptIdleConnections();
  // True when every connection has closed before `timeout` ends.
  bool waitForNoConnections(std::chrono::milliseconds timeout) const;

private:
  std::atomic<int> inFlight_{0};
  std::atomic<bool> draining_{false};
  std::atomic<bool> stopping_{false};
  mutable std::mutex connectionsMutex_;
  std::unordered_set<TrackedConnection*> connections_;
};

} // namespace gatehouse::http
