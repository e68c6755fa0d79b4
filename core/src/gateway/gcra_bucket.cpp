#include <gatehouse/gateway/gcra_bucket.hpp>

#include <algorithm>
#include <limits>

namespace gatehouse::gateway {
namespace {

std::int64_t ceilDiv(std::int64_t value, std::int64_t divisor) {
  return value <= 0 ? 0 : (value + divisor - 1) / divisor;
}

} // namespace

void GcraBucket::update(std::int64_t nowMs, std::int64_t limit, std::int64_t windowMs) {
  windowMs = std::max<std::int64_t>(windowMs, 1);
  // A limit this high is no limit in practice; the clamp keeps windowMs * limit (and a
  // level one event above it) inside int64.
  const std::int64_t maxLimit = std::numeric_limits<std::int64_t>::max() / windowMs / 2;
  limit = std::clamp<std::int64_t>(limit, 1, maxLimit);
  if (limit != limit_ || windowMs != windowMs_) {
    limit_ = limit;
    windowMs_ = windowMs;
    level_ = std::min(level_, capacity()); // a lowered limit: the bucket is full, not over-full
  }
  const std::int64_t elapsed = nowMs - atMs_;
  atMs_ = std::max(atMs_, nowMs); // a clock that stepped back drains nothing
  if (elapsed <= 0)
    return;
  // level_ <= capacity() = windowMs * limit drains in windowMs: past that it is empty, and
  // elapsed * limit cannot overflow below it.
  level_ = elapsed >= windowMs_ ? 0 : std::max<std::int64_t>(0, level_ - elapsed * limit_);
}

std::int64_t GcraBucket::remaining() const {
  return std::max<std::int64_t>(0, (capacity() - level_) / windowMs_);
}

std::int64_t GcraBucket::msUntilEmpty() const {
  return ceilDiv(level_, limit_);
}

std::int64_t GcraBucket::msUntilRoom() const {
  return ceilDiv(level_ + windowMs_ - capacity(), limit_);
}

} // namespace gatehouse::gateway
