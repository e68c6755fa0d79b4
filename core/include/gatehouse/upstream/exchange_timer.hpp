// The clock of one upstream exchange: each wait is the phase's own timeout or what is left
// of the total timeout, whichever ends first, and messages name the one that did.
#pragma once

#include <gatehouse/upstream/upstream_connection.hpp>

#include <chrono>
#include <string>

namespace gatehouse {

class ExchangeTimer {
public:
  explicit ExchangeTimer(int totalMs)
      : totalMs_(totalMs), totalDeadline_(UpstreamClock::now() + std::chrono::milliseconds(totalMs)) {}

  struct Limit {
    UpstreamClock::time_point deadline;
    bool total = false; // the total timeout ends first
    int phaseMs = 0;

    std::chrono::milliseconds left() const {
      return std::chrono::ceil<std::chrono::milliseconds>(deadline - UpstreamClock::now());
    }
  };

  // The deadline for a phase starting now.
  Limit phase(int phaseMs) const {
    const UpstreamClock::time_point phaseEnd = UpstreamClock::now() + std::chrono::milliseconds(phaseMs);
    return phaseEnd < totalDeadline_ ? Limit{phaseEnd, false, phaseMs} : Limit{totalDeadline_, true, phaseMs};
  }

  // "600000 ms" or "the total timeout of 1800000 ms", to end "... within " messages.
  std::string describe(const Limit& limit) const {
    return limit.total ? "the total timeout of " + std::to_string(totalMs_) + " ms"
                       : std::to_string(limit.phaseMs) + " ms";
  }

private:
  int totalMs_;
  UpstreamClock::time_point totalDeadline_;
};

} // namespace gatehouse
