// Per-principal requests-per-minute and tokens-per-minute limits (Principal::
// requestsPerMinute / tokensPerMinute; 0: none), enforced by the model pipeline before a
// request is routed.
//
// A principal is counted under its key id, else its subject; an anonymous principal (both
// empty) and one without limits are never counted and cost no memory. Requests: a GCRA
// bucket (gcra_bucket.hpp) of N per 60 s, so a burst of N is admitted and the next refused.
// Tokens: what the principal's finished requests used in the last 60 s (token_window.hpp)
// must be below the limit for a new request to start.
//
// Thread-safe. Principals are spread over shards, each with its own mutex held only for a
// few integer operations (never across I/O). Once a principal is known, admit() and
// addTokens() do not allocate. Memory is bounded: a shard holds at most
// maxPrincipals / shards entries; idle ones are swept, and when none is idle the least
// recently seen is dropped (forgetting what it had used).
#pragma once

#include <gatehouse/plugin_host/principal.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

namespace gatehouse::gateway {

enum class RateLimitKind { None, Requests, Tokens };

// One admission decision, with what the x-ratelimit-* headers report.
struct RateLimitDecision {
  bool limited = false; // the principal has a requests or tokens limit (headers apply)
  bool admitted = true;
  RateLimitKind refusedBy = RateLimitKind::None; // requests win when both refuse
  std::int64_t retryAfterMs = 0;                 // refused: when a retry can be admitted

  std::int64_t requestLimit = 0;      // 0: no requests limit
  std::int64_t requestsRemaining = 0; // after this request
  std::int64_t requestsResetMs = 0;   // until the whole allowance is back
  std::int64_t tokenLimit = 0;        // 0: no tokens limit
  std::int64_t tokensRemaining = 0;   // of the last 60 s
  std::int64_t tokensResetMs = 0;     // until every counted token left the window
};

class RateLimiter {
public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  static constexpr std::size_t kDefaultMaxPrincipals = 100'000;

  explicit RateLimiter(Clock clock = &std::chrono::steady_clock::now,
                       std::size_t maxPrincipals = kDefaultMaxPrincipals);
  ~RateLimiter();
  RateLimiter(const RateLimiter&) = delete;
  RateLimiter& operator=(const RateLimiter&) = delete;

  // Counts the request when admitted; a refused request is not counted.
  RateLimitDecision admit(const Principal& principal);
  // Adds a finished request's tokens (prompt plus completion).
  void addTokens(const Principal& principal, std::int64_t tokens);

  // Principals currently tracked.
  std::size_t size() const;

private:
  struct Shard;
  Shard& shardFor(std::size_t hash) const;
  std::int64_t nowMs() const;

  Clock clock_;
  std::size_t maxPerShard_;
  std::unique_ptr<Shard[]> shards_;
};

} // namespace gatehouse::gateway
