// Where the request path hands finished requests' usage. Implementations must never
// block the caller on I/O: they queue, and a background writer does the rest.
#pragma once

#include <gatehouse/usage/usage_event.hpp>

namespace gatehouse {

class UsageSink {
public:
  virtual ~UsageSink() = default;
  // Takes the event; never throws, never waits on I/O.
  virtual void submit(UsageEvent event) noexcept = 0;
};

} // namespace gatehouse
