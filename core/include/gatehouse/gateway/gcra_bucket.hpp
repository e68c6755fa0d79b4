// "At most N events per window" for one client, as the Generic Cell Rate Algorithm (GCRA,
// the leaky bucket of ATM networks): each event fills the bucket by one window's worth of
// virtual time, and the bucket drains N such units per millisecond of real time, so a full
// bucket of N events empties in exactly one window.
//
// Why GCRA rather than a list of timestamps or two fixed buckets: the state is two
// integers whatever N is (no allocation, no per-event memory, O(1) per event); a burst of
// exactly N events is admitted and the next one refused; after that one event is admitted
// every window / N, the smoothed equivalent of a sliding window; and "remaining", "reset"
// and "retry after" fall out of the level exactly. Integer units (one event = windowMs,
// draining `limit` per ms) keep N up to 1e12 exact, with no rounding of window / N.
//
// Not thread-safe: the owner (RateLimiter, FailedAuthLimiter) holds a lock around it.
#pragma once

#include <cstdint>

namespace gatehouse::gateway {

class GcraBucket {
public:
  // Brings the bucket up to `nowMs` for a limit of `limit` (>= 1) events per `windowMs` (>= 1).
  // Call before any of the questions below. A changed limit keeps the events already counted.
  void update(std::int64_t nowMs, std::int64_t limit, std::int64_t windowMs);

  // One more event fits now.
  bool hasRoom() const { return level_ + windowMs_ <= capacity(); }
  // Counts one event (call only when hasRoom()).
  void add() { level_ += windowMs_; }
  // Events that still fit now.
  std::int64_t remaining() const;
  // Milliseconds until the bucket is empty again (every counted event forgotten).
  std::int64_t msUntilEmpty() const;
  // Milliseconds until one more event fits (0 when it fits now).
  std::int64_t msUntilRoom() const;
  // Nothing counted: the state can be forgotten without changing any answer.
  bool empty() const { return level_ == 0; }

  std::int64_t limit() const { return limit_; }

private:
  std::int64_t capacity() const { return windowMs_ * limit_; }

  std::int64_t level_ = 0; // counted events x windowMs, minus what drained
  std::int64_t atMs_ = 0;  // when level_ was last brought up to date
  std::int64_t limit_ = 1; // events per window (clamped so that capacity() cannot overflow)
  std::int64_t windowMs_ = 1;
};

} // namespace gatehouse::gateway
