// A steady clock the test moves by hand, for limiters' injectable Clock.
#pragma once

#include <chrono>
#include <functional>

namespace gatehouse::testing {

struct FakeClock {
  // Far from zero, like a real steady clock some time after boot.
  std::chrono::steady_clock::time_point now =
      std::chrono::steady_clock::time_point{} + std::chrono::hours(1000);

  void advance(std::chrono::milliseconds by) { now += by; }
  std::function<std::chrono::steady_clock::time_point()> function() {
    return [this] { return now; };
  }
};

} // namespace gatehouse::testing
