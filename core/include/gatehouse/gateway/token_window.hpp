// Tokens one client used in the last 60 seconds, in 60 one-second slots and a running
// total: a fixed 500 bytes whatever the traffic (no per-request memory, no allocation),
// exact to the second, O(1) per question on the admitted path. A request's tokens are only
// known once it finished, so unlike requests they cannot be "admitted" ahead: the question
// is whether what was used recently is still under the limit.
//
// Not thread-safe: RateLimiter holds its shard's lock around it. Every call moves the
// window up to `nowMs` first (a clock that steps back is treated as standing still).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <limits>

namespace gatehouse::gateway {

class TokenWindow {
public:
  static constexpr std::int64_t kWindowMs = 60'000;

  void add(std::int64_t nowMs, std::int64_t tokens);
  // Tokens added in the last 60 s (the current second included).
  std::int64_t used(std::int64_t nowMs);
  // Milliseconds until used() drops below `limit` (0 when it already is).
  std::int64_t msUntilBelow(std::int64_t nowMs, std::int64_t limit);
  // Milliseconds until used() is 0.
  std::int64_t msUntilEmpty(std::int64_t nowMs);
  bool empty(std::int64_t nowMs) { return used(nowMs) == 0; }

private:
  static constexpr std::int64_t kSlots = 60;
  static constexpr std::int64_t kSlotMs = kWindowMs / kSlots;
  static constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::min() / 2;

  static std::int64_t secondOf(std::int64_t ms) {
    return ms >= 0 ? ms / kSlotMs : (ms - kSlotMs + 1) / kSlotMs;
  }
  static std::size_t indexOf(std::int64_t second) {
    return static_cast<std::size_t>(((second % kSlots) + kSlots) % kSlots);
  }
  // Empties the slots of the seconds that left the window since the last call.
  void advance(std::int64_t nowMs);
  std::int64_t msUntilSecondLeaves(std::int64_t second, std::int64_t nowMs) const;

  std::array<std::int64_t, kSlots> tokens_{}; // by second modulo 60
  std::int64_t total_ = 0;                    // the sum of tokens_
  std::int64_t second_ = kNever;              // the newest second the slots describe
  std::int64_t lastAddSecond_ = kNever;
};

} // namespace gatehouse::gateway
