// The ABI view of a UsageEvent, for billing plugins' price and record.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/usage/usage_event.hpp>

namespace gatehouse::gateway {

// Borrows event's strings: keep `event` alive and unchanged while the view is in use.
gh_usage_event usageEventView(const UsageEvent& event);

} // namespace gatehouse::gateway
