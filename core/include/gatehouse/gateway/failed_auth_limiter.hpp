// Caps failed authentication attempts per client address: at most
// failed_auth.max_failures failures per failed_auth.window_seconds. Once an address used
// them up, every request from it is refused (429) without asking the auth plugins, so
// guessing keys costs the guesser time and costs the gateway nothing. The window slides
// (GCRA, gcra_bucket.hpp): one more attempt is allowed every window / max_failures.
// Successful requests do not reset the count, so guesses spread between valid calls are
// capped too.
//
// IPv6 addresses are counted per /64 (the smallest block one subscriber usually gets), or
// one host could walk through addresses to get a fresh allowance for each.
//
// Thread-safe (sharded locks, no I/O under them); memory is bounded by maxAddresses:
// idle addresses are swept and, when none is idle, the least recently seen is forgotten.
#pragma once

#include <gatehouse/config/config.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>

namespace gatehouse::gateway {

class FailedAuthLimiter {
public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  static constexpr std::size_t kDefaultMaxAddresses = 100'000;

  explicit FailedAuthLimiter(const FailedAuthLimitConfig& config,
                             Clock clock = &std::chrono::steady_clock::now,
                             std::size_t maxAddresses = kDefaultMaxAddresses);
  ~FailedAuthLimiter();
  FailedAuthLimiter(const FailedAuthLimiter&) = delete;
  FailedAuthLimiter& operator=(const FailedAuthLimiter&) = delete;

  // 0 when `address` may try to authenticate; otherwise the milliseconds until it may.
  std::int64_t blockedForMs(std::string_view address);
  // Counts one failure. Returns true when this failure used up the address's allowance.
  bool recordFailure(std::string_view address);

  std::size_t size() const;

private:
  struct Shard;
  Shard& shardFor(std::string_view key) const;
  std::int64_t nowMs() const;

  std::int64_t maxFailures_;
  std::int64_t windowMs_;
  Clock clock_;
  std::size_t maxPerShard_;
  std::unique_ptr<Shard[]> shards_;
};

} // namespace gatehouse::gateway
