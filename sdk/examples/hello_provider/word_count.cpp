#include "word_count.hpp"

namespace hello {

namespace {
bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
} // namespace

std::int64_t countWords(std::string_view text) {
  std::int64_t words = 0;
  bool inWord = false;
  for (const char c : text) {
    if (isSpace(c)) {
      inWord = false;
    } else if (!inWord) {
      inWord = true;
      ++words;
    }
  }
  return words;
}

} // namespace hello
