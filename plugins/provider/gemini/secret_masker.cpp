#include "secret_masker.hpp"

#include <cctype>

namespace gatehouse::plugins::gemini {
namespace {

constexpr std::string_view kRedacted = "[REDACTED]";
constexpr std::string_view kGoogleKeyPrefix = "AIza";
constexpr std::size_t kMinKeyTail = 20;

bool isKeyCharacter(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '-';
}

std::string replaceAll(std::string_view text, std::string_view secret) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t found = text.find(secret); found != std::string_view::npos;
       found = text.find(secret, start)) {
    out.append(text.substr(start, found - start));
    out.append(kRedacted);
    start = found + secret.size();
  }
  out.append(text.substr(start));
  return out;
}

std::string maskGoogleKeys(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  for (std::size_t found = text.find(kGoogleKeyPrefix); found != std::string_view::npos;
       found = text.find(kGoogleKeyPrefix, found + 1)) {
    std::size_t end = found + kGoogleKeyPrefix.size();
    while (end < text.size() && isKeyCharacter(text[end])) {
      ++end;
    }
    if (end - found - kGoogleKeyPrefix.size() < kMinKeyTail) {
      continue;
    }
    out.append(text.substr(start, found - start));
    out.append(kRedacted);
    start = end;
    found = end - 1;
  }
  out.append(text.substr(start));
  return out;
}

} // namespace

std::string maskSecrets(std::string_view text, std::string_view apiKey) {
  const std::string withoutKey = apiKey.empty() ? std::string(text) : replaceAll(text, apiKey);
  return maskGoogleKeys(withoutKey);
}

} // namespace gatehouse::plugins::gemini
