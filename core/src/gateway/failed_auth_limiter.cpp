#include <gatehouse/gateway/failed_auth_limiter.hpp>
#include <gatehouse/gateway/gcra_bucket.hpp>

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <iterator>
#include <mutex>
#include <string>
#include <unordered_map>

namespace gatehouse::gateway {
namespace {

constexpr std::size_t kShards = 16;
constexpr std::int64_t kSweepIntervalMs = 60'000;

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// The text an address is counted under, in `buffer` when it had to be rewritten: an IPv6
// address becomes its /64 prefix ("2001:db8:1:2::/64"); IPv4 (also IPv4-mapped IPv6) and
// anything unparsable stay as they are.
std::string_view counterKey(std::string_view address, std::array<char, 64>& buffer) {
  if (address.find(':') == std::string_view::npos || address.size() >= buffer.size())
    return address;
  std::array<char, 64> text{};
  std::copy(address.begin(), address.end(), text.begin());
  unsigned char bytes[16];
  if (::inet_pton(AF_INET6, text.data(), bytes) != 1)
    return address;
  constexpr unsigned char kMappedPrefix[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(bytes, bytes + 12, kMappedPrefix))
    return address;
  std::fill(bytes + 8, bytes + 16, 0);
  if (::inet_ntop(AF_INET6, bytes, buffer.data(), static_cast<socklen_t>(buffer.size() - 4)) == nullptr)
    return address;
  std::string_view prefix(buffer.data());
  char* end = std::copy_n("/64", 3, buffer.data() + prefix.size());
  return {buffer.data(), static_cast<std::size_t>(end - buffer.data())};
}

struct Entry {
  GcraBucket failures;
  std::int64_t lastSeenMs = 0;
};

} // namespace

struct alignas(64) FailedAuthLimiter::Shard {
  std::mutex mutex;
  std::unordered_map<std::string, Entry, StringHash, std::equal_to<>> entries;
  std::int64_t lastSweepMs = 0;

  void sweepIdle(std::int64_t nowMs, std::int64_t limit, std::int64_t windowMs) {
    for (auto it = entries.begin(); it != entries.end();) {
      it->second.failures.update(nowMs, limit, windowMs);
      it = it->second.failures.empty() ? entries.erase(it) : std::next(it);
    }
    lastSweepMs = nowMs;
  }
};

FailedAuthLimiter::FailedAuthLimiter(const FailedAuthLimitConfig& config, Clock clock,
                                     std::size_t maxAddresses)
    : maxFailures_(std::max(1, config.maxFailures)),
      windowMs_(std::int64_t{std::max(1, config.windowSeconds)} * 1000), clock_(std::move(clock)),
      maxPerShard_(std::max<std::size_t>(1, maxAddresses / kShards)),
      shards_(std::make_unique<Shard[]>(kShards)) {
}

FailedAuthLimiter::~FailedAuthLimiter() = default;

FailedAuthLimiter::Shard& FailedAuthLimiter::shardFor(std::string_view key) const {
  return shards_[(StringHash{}(key) >> 40) % kShards];
}

std::int64_t FailedAuthLimiter::nowMs() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock_().time_since_epoch()).count();
}

std::int64_t FailedAuthLimiter::blockedForMs(std::string_view address) {
  std::array<char, 64> buffer{};
  const std::string_view key = counterKey(address, buffer);
  const std::int64_t now = nowMs();
  Shard& shard = shardFor(key);
  const std::lock_guard lock(shard.mutex);
  const auto found = shard.entries.find(key);
  if (found == shard.entries.end())
    return 0; // never failed (or forgotten): the common case costs one lookup
  GcraBucket& failures = found->second.failures;
  failures.update(now, maxFailures_, windowMs_);
  return failures.msUntilRoom();
}

bool FailedAuthLimiter::recordFailure(std::string_view address) {
  std::array<char, 64> buffer{};
  const std::string_view key = counterKey(address, buffer);
  const std::int64_t now = nowMs();
  Shard& shard = shardFor(key);
  const std::lock_guard lock(shard.mutex);
  if (now - shard.lastSweepMs >= kSweepIntervalMs)
    shard.sweepIdle(now, maxFailures_, windowMs_);
  auto found = shard.entries.find(key);
  if (found == shard.entries.end()) {
    if (shard.entries.size() >= maxPerShard_) {
      shard.sweepIdle(now, maxFailures_, windowMs_);
      if (shard.entries.size() >= maxPerShard_) {
        shard.entries.erase(
            std::min_element(shard.entries.begin(), shard.entries.end(), [](const auto& a, const auto& b) {
              return a.second.lastSeenMs < b.second.lastSeenMs;
            }));
      }
    }
    found = shard.entries.emplace(std::string(key), Entry{}).first;
  }
  Entry& entry = found->second;
  entry.lastSeenMs = now;
  entry.failures.update(now, maxFailures_, windowMs_);
  if (!entry.failures.hasRoom())
    return false; // already blocked (a request that was let in before the last failure)
  entry.failures.add();
  return !entry.failures.hasRoom();
}

std::size_t FailedAuthLimiter::size() const {
  std::size_t total = 0;
  for (std::size_t i = 0; i < kShards; ++i) {
    const std::lock_guard lock(shards_[i].mutex);
    total += shards_[i].entries.size();
  }
  return total;
}

} // namespace gatehouse::gateway
