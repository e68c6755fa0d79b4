// Where events go when the usage writer's queue is full: request threads add them here, and
// they reach the spool in large appends, one write(2) per ~256 KiB of JSON lines instead of
// one per event. Private to core/src/usage.
//
// Lines wait in memory until the buffer fills (the thread that filled it appends it) or until
// drain() runs (the writer thread, every round, and at stop). Like the writer's queue, a crash
// loses what waits in memory; a clean stop loses nothing.
#pragma once

#include <gatehouse/usage/usage_event.hpp>

#include <cstddef>
#include <mutex>
#include <string>

namespace gatehouse::usage {

class UsageSpool;

// What one call handed to the spool: `events` were written, or lost when `failed`.
struct SpillWrite {
  std::size_t events = 0;
  bool failed = false;
  std::string error; // why, when failed
};

class SpoolSpill {
public:
  static constexpr std::size_t kDefaultFlushBytes = 256 * 1024;

  explicit SpoolSpill(UsageSpool& spool, std::size_t flushBytes = kDefaultFlushBytes);
  SpoolSpill(const SpoolSpill&) = delete;
  SpoolSpill& operator=(const SpoolSpill&) = delete;

  // Thread-safe. Buffers the event; when that fills the buffer, appends the buffer to the spool
  // (not durable: the writer's next sync covers it) and reports what it wrote.
  SpillWrite add(const UsageEvent& event);
  // Appends whatever waits, durably when asked.
  SpillWrite drain(bool durable);
  bool empty() const;

private:
  SpillWrite write(std::string& lines, std::size_t events, bool durable);

  UsageSpool& spool_;
  std::size_t flushBytes_;
  mutable std::mutex mutex_;
  std::string lines_;
  std::size_t events_ = 0;
};

} // namespace gatehouse::usage
