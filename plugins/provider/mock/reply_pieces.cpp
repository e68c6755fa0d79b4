#include "reply_pieces.hpp"

namespace gatehouse::plugins::mock {
namespace {

bool isContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

} // namespace

std::vector<std::string_view> splitReply(std::string_view text, int count) {
  if (text.empty() || count <= 1)
    return {text};
  std::vector<std::string_view> pieces;
  pieces.reserve(static_cast<std::size_t>(count));
  std::size_t start = 0;
  for (int index = 0; index < count && start < text.size(); ++index) {
    const std::size_t remainingPieces = static_cast<std::size_t>(count - index);
    const std::size_t remainingBytes = text.size() - start;
    std::size_t end = start + (remainingBytes + remainingPieces - 1) / remainingPieces;
    if (end >= text.size()) {
      end = text.size();
    } else {
      while (end < text.size() && isContinuationByte(text[end]))
        ++end;
    }
    pieces.push_back(text.substr(start, end - start));
    start = end;
  }
  return pieces;
}

} // namespace gatehouse::plugins::mock
