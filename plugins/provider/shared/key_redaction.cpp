#include "key_redaction.hpp"

#include <cctype>

namespace gatehouse::providers {
namespace {

bool isKeyCharacter(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '*';
}

// Length of the key-like token starting at `at`, or 0 when none starts there.
std::size_t keyLengthAt(std::string_view text, std::size_t at) {
  if (at > 0 && isKeyCharacter(text[at - 1])) {
    return 0; // inside a word: "task-force" is no key
  }
  std::size_t prefix = 0;
  if (text.compare(at, 3, "sk-") == 0) {
    prefix = 3;
  } else if (text.compare(at, 4, "AIza") == 0) {
    prefix = 4;
  } else {
    return 0;
  }
  std::size_t end = at + prefix;
  while (end < text.size() && isKeyCharacter(text[end])) {
    ++end;
  }
  // A few characters after the prefix: short enough words ("sk-1") stay readable.
  constexpr std::size_t kMinKeyBody = 4;
  return end - at - prefix >= kMinKeyBody ? end - at : 0;
}

std::string replaceAll(std::string text, std::string_view secret) {
  if (secret.empty()) {
    return text;
  }
  std::size_t at = text.find(secret);
  while (at != std::string::npos) {
    text.replace(at, secret.size(), kRedacted);
    at = text.find(secret, at + kRedacted.size());
  }
  return text;
}

} // namespace

std::string redactKeys(std::string_view text, std::string_view knownSecret) {
  const std::string withoutSecret = replaceAll(std::string(text), knownSecret);
  std::string out;
  out.reserve(withoutSecret.size());
  std::size_t at = 0;
  while (at < withoutSecret.size()) {
    const std::size_t length = keyLengthAt(withoutSecret, at);
    if (length > 0) {
      out += kRedacted;
      at += length;
    } else {
      out += withoutSecret[at];
      ++at;
    }
  }
  return out;
}

} // namespace gatehouse::providers
