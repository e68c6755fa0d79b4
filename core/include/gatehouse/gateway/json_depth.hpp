// A cheap pre-check of how deeply a JSON text nests. The gateway parses iteratively, so
// depth cannot blow its stack; the limit protects memory and every plugin that parses
// the same body after us, whatever parser it uses.
#pragma once

#include <cstddef>
#include <string_view>

namespace gatehouse::gateway {

inline constexpr std::size_t kMaxJsonDepth = 128;

// The deepest nesting of arrays and objects, ignoring brackets inside strings. Stops
// counting once `limit` is exceeded (returns limit + 1). Does not validate the JSON.
std::size_t jsonNestingDepth(std::string_view json, std::size_t limit = kMaxJsonDepth);

} // namespace gatehouse::gateway
