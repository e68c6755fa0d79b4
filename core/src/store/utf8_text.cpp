#include <gatehouse/store/utf8_text.hpp>

namespace gatehouse::store {
namespace {

// Length of the valid UTF-8 sequence starting at text[at], or 0 when it is not valid (bad lead
// byte, missing or bad continuation, overlong form, surrogate, or beyond U+10FFFF).
std::size_t validSequenceLength(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(at);
  if (lead < 0x80)
    return 1;
  std::size_t length = 0;
  unsigned char low = 0x80, high = 0xbf; // allowed range of the second byte
  if (lead >= 0xc2 && lead <= 0xdf) {
    length = 2;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    if (lead == 0xe0)
      low = 0xa0;
    if (lead == 0xed)
      high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead == 0xf0)
      low = 0x90;
    if (lead == 0xf4)
      high = 0x8f;
  } else {
    return 0;
  }
  if (at + length > text.size())
    return 0;
  if (byte(at + 1) < low || byte(at + 1) > high)
    return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(at + i) < 0x80 || byte(at + i) > 0xbf)
      return 0;
  }
  return length;
}

} // namespace

std::string boundedUtf8(std::string_view text, std::size_t maxCodePoints) {
  std::string out;
  out.reserve(text.size() < 256 ? text.size() : 256);
  std::size_t codePoints = 0;
  std::size_t at = 0;
  while (at < text.size() && codePoints < maxCodePoints) {
    const std::size_t length = validSequenceLength(text, at);
    if (length == 0) {
      out.append("\xef\xbf\xbd"); // U+FFFD for the one bad byte; resynchronise on the next
      at += 1;
    } else {
      out.append(text.substr(at, length));
      at += length;
    }
    ++codePoints;
  }
  return out;
}

} // namespace gatehouse::store
