#include "presented_keys.hpp"

#include <cctype>
#include <cstddef>

namespace gatehouse::plugins::api_key {
namespace {

bool isBlank(char c) {
  return c == ' ' || c == '\t';
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && isBlank(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && isBlank(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

bool startsWithIgnoringCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) {
    return false;
  }
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i]))) {
      return false;
    }
  }
  return true;
}

} // namespace

std::optional<std::string_view> bearerToken(std::string_view authorization) {
  constexpr std::string_view kScheme = "bearer";
  authorization = trimmed(authorization);
  // The scheme must be followed by a blank: "Bearerghk_..." is not the Bearer scheme.
  if (!startsWithIgnoringCase(authorization, kScheme) || authorization.size() == kScheme.size() ||
      !isBlank(authorization[kScheme.size()])) {
    return std::nullopt;
  }
  const std::string_view token = trimmed(authorization.substr(kScheme.size()));
  if (token.empty()) {
    return std::nullopt;
  }
  return token;
}

std::vector<PresentedKey> presentedKeys(const sdk::Request& request, const std::vector<KeyHeader>& headers) {
  std::vector<PresentedKey> presented;
  for (KeyHeader header : headers) {
    const std::string_view raw = request.header(headerName(header));
    std::optional<std::string_view> value;
    if (header == KeyHeader::Authorization) {
      value = bearerToken(raw);
    } else if (!trimmed(raw).empty()) {
      value = trimmed(raw);
    }
    if (value) {
      presented.push_back(PresentedKey{header, *value});
    }
  }
  return presented;
}

} // namespace gatehouse::plugins::api_key
