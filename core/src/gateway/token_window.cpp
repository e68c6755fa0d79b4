#include <gatehouse/gateway/token_window.hpp>

#include <algorithm>

namespace gatehouse::gateway {

void TokenWindow::advance(std::int64_t nowMs) {
  const std::int64_t now = secondOf(nowMs);
  if (now <= second_)
    return;
  if (now - second_ >= kSlots) {
    tokens_.fill(0);
    total_ = 0;
  } else {
    for (std::int64_t second = second_ + 1; second <= now; ++second) {
      std::int64_t& slot = tokens_[indexOf(second)];
      total_ -= slot;
      slot = 0;
    }
  }
  second_ = now;
}

std::int64_t TokenWindow::msUntilSecondLeaves(std::int64_t second, std::int64_t nowMs) const {
  return std::max<std::int64_t>(0, (second + kSlots) * kSlotMs - nowMs);
}

void TokenWindow::add(std::int64_t nowMs, std::int64_t tokens) {
  advance(nowMs);
  if (tokens <= 0)
    return;
  // Saturate rather than overflow: a total this large refuses everything anyway.
  tokens = std::min(tokens, std::numeric_limits<std::int64_t>::max() - total_);
  tokens_[indexOf(second_)] += tokens;
  total_ += tokens;
  lastAddSecond_ = second_;
}

std::int64_t TokenWindow::used(std::int64_t nowMs) {
  advance(nowMs);
  return total_;
}

std::int64_t TokenWindow::msUntilBelow(std::int64_t nowMs, std::int64_t limit) {
  advance(nowMs);
  std::int64_t remaining = total_;
  // Oldest second first: each one leaves the window 60 s after it began. Only refused
  // requests get here.
  for (std::int64_t second = second_ - kSlots + 1; second <= second_ && remaining >= limit; ++second) {
    remaining -= tokens_[indexOf(second)];
    if (remaining < limit)
      return msUntilSecondLeaves(second, nowMs);
  }
  return 0;
}

std::int64_t TokenWindow::msUntilEmpty(std::int64_t nowMs) {
  advance(nowMs);
  return total_ == 0 ? 0 : msUntilSecondLeaves(lastAddSecond_, nowMs);
}

} // namespace gatehouse::gateway
