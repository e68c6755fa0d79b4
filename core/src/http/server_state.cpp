#include <gatehouse/http/server_state.hpp>

#include <thread>

namespace gatehouse::http {
namespace {

// Shutdown is rare and short: polling keeps the request path free of condition
// variable notifications.
constexpr auto kPollInterval = std::chrono::milliseconds(10);

template <typename Predicate> bool pollUntil(Predicate done, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!done()) {
    if (std::chrono::steady_clock::now() >= deadline)
      return false;
    std::this_thread::sleep_for(kPollInterval);
  }
  return true;
}

} // namespace

bool ServerState::waitForIdle(std::chrono::milliseconds timeout) const {
  return pollUntil([this] { return inFlight() == 0; }, timeout);
}

void ServerState::connectionOpened(TrackedConnection& connection) {
  std::lock_guard<std::mutex> lock(connectionsMutex_);
  connections_.insert(&connection);
}

void ServerState::connectionClosed(TrackedConnection& connection) {
  std::lock_guard<std::mutex> lock(connectionsMutex_);
  connections_.erase(&connection);
}

std::size_t ServerState::openConnections() const {
  std::lock_guard<std::mutex> lock(connectionsMutex_);
  return connections_.size();
}

void ServerState::interruptIdleConnections() {
  std::lock_guard<std::mutex> lock(connectionsMutex_);
  for (TrackedConnection* connection : connections_) {
    if (!connection->busy())
      connection->interruptIdle();
  }
}

bool ServerState::waitForNoConnections(std::chrono::milliseconds timeout) const {
  return pollUntil([this] { return openConnections() == 0; }, timeout);
}

} // namespace gatehouse::http
