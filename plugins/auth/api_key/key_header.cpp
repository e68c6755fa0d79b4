#include "key_header.hpp"

#include <cctype>
#include <cstddef>

namespace gatehouse::plugins::api_key {
namespace {

bool equalsIgnoringCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

} // namespace

std::string_view headerName(KeyHeader header) {
  switch (header) {
  case KeyHeader::Authorization: return "authorization";
  case KeyHeader::XApiKey: return "x-api-key";
  case KeyHeader::XGoogApiKey: return "x-goog-api-key";
  }
  return "?";
}

std::optional<KeyHeader> keyHeaderNamed(std::string_view name) {
  for (KeyHeader header : kAllKeyHeaders) {
    if (equalsIgnoringCase(name, headerName(header))) {
      return header;
    }
  }
  return std::nullopt;
}

} // namespace gatehouse::plugins::api_key
