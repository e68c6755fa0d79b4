#include "key_redaction.hpp"

#include <cctype>

namespace gatehouse::providers {
namespace {

constexpr std::string_view kSecretKeyPrefix = "sk-";
constexpr std::string_view kGoogleKeyPrefix = "AIza";
// A few characters after "sk-", so short words ("sk-1") stay readable.
constexpr std::size_t kMinSecretKeyBody = 4;
// Google keys are "AIza" and 35 more characters; 20 keeps words such as "AIzaShort" readable.
constexpr std::size_t kMinGoogleKeyBody = 20;

bool isKeyCharacter(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '-' || c == '_' || c == '*';
}

// Length of the key-like token starting at `at`, or 0 when none starts there.
std::size_t keyLengthAt(std::string_view text, std::size_t at) {
  const bool wordStart = at == 0 || !isKeyCharacter(text[at - 1]);
  std::size_t prefix = 0;
  std::size_t minBody = 0;
  if (wordStart && text.compare(at, kSecretKeyPrefix.size(), kSecretKeyPrefix) == 0) {
    // Only at a word start: "task-force" is no key.
    prefix = kSecretKeyPrefix.size();
    minBody = kMinSecretKeyBody;
  } else if (text.compare(at, kGoogleKeyPrefix.size(), kGoogleKeyPrefix) == 0) {
    // Anywhere: Google echoes keys glued to other text ("key=AIza..." or "keyAIza...").
    prefix = kGoogleKeyPrefix.size();
    minBody = kMinGoogleKeyBody;
  } else {
    return 0;
  }
  std::size_t end = at + prefix;
  while (end < text.size() && isKeyCharacter(text[end])) {
    ++end;
  }
  return end - at - prefix >= minBody ? end - at : 0;
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
