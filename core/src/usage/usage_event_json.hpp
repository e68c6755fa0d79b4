// One usage event as one JSON line, the spool file's format. Private to core/src/usage.
#pragma once

#include <gatehouse/usage/usage_event.hpp>

#include <string>
#include <string_view>

namespace gatehouse::usage {

// The JSON object followed by '\n'. Control characters are escaped, so a line never breaks.
std::string toJsonLine(const UsageEvent& event);
// False when `line` is not a complete event object (e.g. a write cut short by a crash).
bool fromJsonLine(std::string_view line, UsageEvent& event);

} // namespace gatehouse::usage
