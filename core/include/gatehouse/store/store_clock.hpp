// Wall-clock time in the store's unit: milliseconds since the Unix epoch.
#pragma once

#include <chrono>
#include <cstdint>

namespace gatehouse::store {

inline std::int64_t currentTimeMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

} // namespace gatehouse::store
