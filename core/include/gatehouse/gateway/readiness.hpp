// Named readiness checks behind GET /readyz. main registers them before the server
// starts ("config", "plugins", and the store's check once the store is wired in);
// they run on every probe, so each must be quick and must not block on slow I/O.
#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace gatehouse::gateway {

class Readiness {
public:
  // Returns true when ready; otherwise explains why in `why` (no secrets: it is sent
  // to whoever probes /readyz).
  using Check = std::function<bool(std::string& why)>;

  struct CheckResult {
    std::string name;
    bool ok = false;
    std::string why;
  };
  struct Report {
    bool ready = false;
    bool shuttingDown = false;
    std::vector<CheckResult> checks; // in registration order; empty when shutting down
  };

  // Not thread-safe against evaluate(): register every check before serving.
  void addCheck(std::string name, Check check);
  // From now on the gateway reports "shutting down" (load balancers stop sending).
  void markShuttingDown() { shuttingDown_.store(true, std::memory_order_release); }
  bool shuttingDown() const { return shuttingDown_.load(std::memory_order_acquire); }

  // Runs every check (a check that throws counts as failed).
  Report evaluate() const;

private:
  std::vector<std::pair<std::string, Check>> checks_;
  std::atomic<bool> shuttingDown_{false};
};

} // namespace gatehouse::gateway
