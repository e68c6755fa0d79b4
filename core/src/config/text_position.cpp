#include "text_position.hpp"

#include <algorithm>

namespace gatehouse::config_detail {

TextPosition positionAt(std::string_view text, std::size_t offset) {
  TextPosition position;
  const std::size_t end = std::min(offset, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\n') {
      ++position.line;
      position.column = 1;
    } else if ((byte & 0xC0) != 0x80) { // continuation bytes belong to the previous character
      ++position.column;
    }
  }
  return position;
}

} // namespace gatehouse::config_detail
