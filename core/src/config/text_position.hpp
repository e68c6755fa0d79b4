// Turns a byte offset into the line and column an editor shows (private to the loader).
#pragma once

#include <cstddef>
#include <string_view>

namespace gatehouse::config_detail {

struct TextPosition {
  std::size_t line = 1;   // 1-based
  std::size_t column = 1; // 1-based, in characters (UTF-8 code points), not bytes
};

// Offsets past the end point just after the last character.
TextPosition positionAt(std::string_view text, std::size_t offset);

} // namespace gatehouse::config_detail
