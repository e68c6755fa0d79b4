// Small ASCII text helpers for protocol fields (HTTP headers, content types, cookies,
// multipart heads): locale-independent on purpose, since these grammars are ASCII and
// std::tolower would follow the process locale.
#pragma once

#include <cstddef>
#include <string_view>

namespace gatehouse::ascii {

// RFC 9110 optional whitespace: space and horizontal tab.
constexpr bool isBlank(char c) noexcept {
  return c == ' ' || c == '\t';
}

constexpr char toLower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// `text` without leading and trailing spaces and tabs.
constexpr std::string_view trimBlanks(std::string_view text) noexcept {
  while (!text.empty() && isBlank(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && isBlank(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

constexpr bool equalsIgnoreCase(std::string_view a, std::string_view b) noexcept {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (toLower(a[i]) != toLower(b[i])) {
      return false;
    }
  }
  return true;
}

} // namespace gatehouse::ascii
