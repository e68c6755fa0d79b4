// Makes text safe for a bounded utf8mb4 column: MySQL in strict mode refuses invalid UTF-8 and
// over-long values, and one such usage event would otherwise fail its whole batch forever.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gatehouse::store {

// Replaces each invalid byte sequence with U+FFFD, then cuts to at most `maxCodePoints` code
// points (VARCHAR(n) counts characters), never inside a character.
std::string boundedUtf8(std::string_view text, std::size_t maxCodePoints);

} // namespace gatehouse::store
