#include <gatehouse/http/text_sanitizer.hpp>

namespace gatehouse::http {

std::string sanitizeForMessage(std::string_view text, std::size_t maxLength) {
  const bool cut = text.size() > maxLength;
  if (cut)
    text = text.substr(0, maxLength);
  std::string out;
  out.reserve(text.size() + 3);
  for (const char c : text)
    out.push_back(c >= 0x20 && c <= 0x7e ? c : '?');
  if (cut)
    out.append("...");
  return out;
}

} // namespace gatehouse::http
