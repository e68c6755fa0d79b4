// The store's readiness check. /readyz must answer fast even when the database hangs, so the
// probe never runs on the caller's thread: a background thread pings the store every interval and
// the check only reads the last result. A ping that has not come back for `staleAfter` counts as
// a failure too.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace gatehouse::app {

class StoreHealth {
public:
  using Ping = std::function<void()>; // throws when the store does not answer

  // Pings once before returning, so the first /readyz already knows.
  StoreHealth(Ping ping, std::chrono::milliseconds interval = std::chrono::seconds(1),
              std::chrono::milliseconds staleAfter = std::chrono::seconds(3));
  ~StoreHealth();
  StoreHealth(const StoreHealth&) = delete;
  StoreHealth& operator=(const StoreHealth&) = delete;

  // A gateway::Readiness::Check: true when the last ping succeeded recently enough.
  bool check(std::string& why) const;

private:
  void probe();
  void run();

  Ping ping_;
  std::chrono::milliseconds interval_;
  std::chrono::milliseconds staleAfter_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool healthy_ = false;
  std::string why_;
  std::chrono::steady_clock::time_point lastAnswer_;
  std::thread thread_;
};

} // namespace gatehouse::app
