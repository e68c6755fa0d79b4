// The example's token estimate: one token per whitespace-separated word. Real tokenizers
// count differently; the point is a deterministic, documented number for usage reports.
#pragma once

#include <cstdint>
#include <string_view>

namespace hello {

std::int64_t countWords(std::string_view text);

} // namespace hello
