#include "spool_spill.hpp"

#include <exception>
#include <utility>

#include "usage_event_json.hpp"
#include "usage_spool.hpp"

namespace gatehouse::usage {

SpoolSpill::SpoolSpill(UsageSpool& spool, std::size_t flushBytes)
    : spool_(spool), flushBytes_(flushBytes == 0 ? 1 : flushBytes) {
}

SpillWrite SpoolSpill::add(const UsageEvent& event) {
  const std::string line = toJsonLine(event); // outside the lock: the slow part
  std::string full;
  std::size_t count = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    lines_ += line;
    ++events_;
    if (lines_.size() < flushBytes_)
      return {};
    full.swap(lines_);
    count = std::exchange(events_, 0);
  }
  return write(full, count, false);
}

SpillWrite SpoolSpill::drain(bool durable) {
  std::string full;
  std::size_t count = 0;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    full.swap(lines_);
    count = std::exchange(events_, 0);
  }
  if (count == 0)
    return {};
  return write(full, count, durable);
}

bool SpoolSpill::empty() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return events_ == 0;
}

SpillWrite SpoolSpill::write(std::string& lines, std::size_t events, bool durable) {
  SpillWrite result;
  result.events = events;
  try {
    spool_.appendLines(lines, durable);
  } catch (const std::exception& error) {
    result.failed = true;
    result.error = error.what();
  }
  return result;
}

} // namespace gatehouse::usage
