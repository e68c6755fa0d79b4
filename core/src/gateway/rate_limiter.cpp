#include <gatehouse/gateway/gcra_bucket.hpp>
#include <gatehouse/gateway/rate_limiter.hpp>
#include <gatehouse/gateway/token_window.hpp>

#include <algorithm>
#include <iterator>
#include <mutex>
#include <string>
#include <unordered_map>

namespace gatehouse::gateway {
namespace {

constexpr std::size_t kShards = 32;
constexpr std::int64_t kMinuteMs = 60'000;
// Idle entries are swept at most this often per shard, so memory follows the active
// principals without a sweep on every request.
constexpr std::int64_t kSweepIntervalMs = 60'000;

// A key id and a subject never share a counter, even if their texts were equal.
struct KeyView {
  std::string_view id;
  bool byKeyId = false;
};
struct OwnedKey {
  std::string id;
  bool byKeyId = false;
};

struct KeyHash {
  using is_transparent = void;
  std::size_t operator()(const KeyView& key) const {
    const std::size_t hash = std::hash<std::string_view>{}(key.id);
    return key.byKeyId ? hash ^ 0x9e3779b97f4a7c15ULL : hash;
  }
  std::size_t operator()(const OwnedKey& key) const { return (*this)(KeyView{key.id, key.byKeyId}); }
};

struct KeyEqual {
  using is_transparent = void;
  static KeyView view(const KeyView& key) { return key; }
  static KeyView view(const OwnedKey& key) { return {key.id, key.byKeyId}; }
  template <typename A, typename B> bool operator()(const A& a, const B& b) const {
    const KeyView left = view(a);
    const KeyView right = view(b);
    return left.byKeyId == right.byKeyId && left.id == right.id;
  }
};

// The counter a principal is limited under; an empty id: anonymous, never limited.
KeyView keyOf(const Principal& principal) {
  if (!principal.keyId.empty())
    return {principal.keyId, true};
  return {principal.subject, false};
}

struct Entry {
  GcraBucket requests;
  std::unique_ptr<TokenWindow> tokens; // only for principals that ever had a tokens limit
  std::int64_t lastSeenMs = 0;

  bool idle(std::int64_t nowMs) {
    requests.update(nowMs, requests.limit(), kMinuteMs);
    return requests.empty() && (tokens == nullptr || tokens->empty(nowMs));
  }
};

} // namespace

struct alignas(64) RateLimiter::Shard {
  std::mutex mutex;
  std::unordered_map<OwnedKey, Entry, KeyHash, KeyEqual> entries;
  std::int64_t lastSweepMs = 0;

  void sweepIdle(std::int64_t nowMs) {
    for (auto it = entries.begin(); it != entries.end();)
      it = it->second.idle(nowMs) ? entries.erase(it) : std::next(it);
    lastSweepMs = nowMs;
  }

  Entry& findOrInsert(KeyView key, std::int64_t nowMs, std::size_t maxEntries) {
    if (nowMs - lastSweepMs >= kSweepIntervalMs)
      sweepIdle(nowMs);
    if (auto found = entries.find(key); found != entries.end())
      return found->second;
    if (entries.size() >= maxEntries) {
      sweepIdle(nowMs);
      if (entries.size() >= maxEntries) {
        // Everyone is busy: forget the one seen longest ago (it restarts with a fresh allowance).
        auto oldest = std::min_element(entries.begin(), entries.end(), [](const auto& a, const auto& b) {
          return a.second.lastSeenMs < b.second.lastSeenMs;
        });
        entries.erase(oldest);
      }
    }
    return entries.emplace(OwnedKey{std::string(key.id), key.byKeyId}, Entry{}).first->second;
  }
};

RateLimiter::RateLimiter(Clock clock, std::size_t maxPrincipals)
    : clock_(std::move(clock)), maxPerShard_(std::max<std::size_t>(1, maxPrincipals / kShards)),
      shards_(std::make_unique<Shard[]>(kShards)) {
}

RateLimiter::~RateLimiter() = default;

RateLimiter::Shard& RateLimiter::shardFor(std::size_t hash) const {
  // The high bits: the maps inside a shard use the low ones for their buckets.
  return shards_[(hash >> 40) % kShards];
}

std::int64_t RateLimiter::nowMs() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock_().time_since_epoch()).count();
}

RateLimitDecision RateLimiter::admit(const Principal& principal) {
  RateLimitDecision decision;
  const KeyView key = keyOf(principal);
  const std::int64_t requestLimit = std::max<std::int64_t>(0, principal.requestsPerMinute);
  const std::int64_t tokenLimit = std::max<std::int64_t>(0, principal.tokensPerMinute);
  if (key.id.empty() || (requestLimit == 0 && tokenLimit == 0))
    return decision;
  decision.limited = true;
  decision.requestLimit = requestLimit;
  decision.tokenLimit = tokenLimit;

  const std::int64_t now = nowMs();
  Shard& shard = shardFor(KeyHash{}(key));
  const std::lock_guard lock(shard.mutex);
  Entry& entry = shard.findOrInsert(key, now, maxPerShard_);
  entry.lastSeenMs = now;

  bool requestsOk = true;
  if (requestLimit > 0) {
    entry.requests.update(now, requestLimit, kMinuteMs);
    requestsOk = entry.requests.hasRoom();
  }
  std::int64_t tokensUsed = 0;
  if (tokenLimit > 0) {
    if (entry.tokens == nullptr)
      entry.tokens = std::make_unique<TokenWindow>(); // once per principal
    tokensUsed = entry.tokens->used(now);
  }
  const bool tokensOk = tokensUsed < tokenLimit || tokenLimit == 0;

  if (requestsOk && tokensOk && requestLimit > 0)
    entry.requests.add();
  if (requestLimit > 0) {
    decision.requestsRemaining = entry.requests.remaining();
    decision.requestsResetMs = entry.requests.msUntilEmpty();
  }
  if (tokenLimit > 0) {
    decision.tokensRemaining = std::max<std::int64_t>(0, tokenLimit - tokensUsed);
    decision.tokensResetMs = entry.tokens->msUntilEmpty(now);
  }
  if (!requestsOk || !tokensOk) {
    decision.admitted = false;
    decision.refusedBy = requestsOk ? RateLimitKind::Tokens : RateLimitKind::Requests;
    // Both must have room again before a retry can pass.
    const std::int64_t requestWait = requestsOk ? 0 : entry.requests.msUntilRoom();
    const std::int64_t tokenWait = tokensOk ? 0 : entry.tokens->msUntilBelow(now, tokenLimit);
    decision.retryAfterMs = std::max(requestWait, tokenWait);
  }
  return decision;
}

void RateLimiter::addTokens(const Principal& principal, std::int64_t tokens) {
  const KeyView key = keyOf(principal);
  if (key.id.empty() || principal.tokensPerMinute <= 0 || tokens <= 0)
    return;
  const std::int64_t now = nowMs();
  Shard& shard = shardFor(KeyHash{}(key));
  const std::lock_guard lock(shard.mutex);
  Entry& entry = shard.findOrInsert(key, now, maxPerShard_);
  entry.lastSeenMs = now;
  if (entry.tokens == nullptr)
    entry.tokens = std::make_unique<TokenWindow>();
  entry.tokens->add(now, tokens);
}

std::size_t RateLimiter::size() const {
  std::size_t total = 0;
  for (std::size_t i = 0; i < kShards; ++i) {
    const std::lock_guard lock(shards_[i].mutex);
    total += shards_[i].entries.size();
  }
  return total;
}

} // namespace gatehouse::gateway
