#include <gatehouse/http/query_string.hpp>

namespace gatehouse::http {
namespace {

int hexValue(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

bool isUnreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

} // namespace

std::optional<std::string> percentDecode(std::string_view text, bool plusIsSpace) {
  std::string decoded;
  decoded.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '+' && plusIsSpace) {
      decoded.push_back(' ');
    } else if (c == '%') {
      if (i + 2 >= text.size())
        return std::nullopt;
      const int high = hexValue(text[i + 1]);
      const int low = hexValue(text[i + 2]);
      if (high < 0 || low < 0)
        return std::nullopt;
      const char byte = static_cast<char>(high * 16 + low);
      if (byte == '\0')
        return std::nullopt; // would cut C strings short further down
      decoded.push_back(byte);
      i += 2;
    } else {
      decoded.push_back(c);
    }
  }
  return decoded;
}

std::string percentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string encoded;
  encoded.reserve(text.size());
  for (const char c : text) {
    if (isUnreserved(c)) {
      encoded.push_back(c);
    } else {
      const auto byte = static_cast<unsigned char>(c);
      encoded.push_back('%');
      encoded.push_back(kHex[byte >> 4]);
      encoded.push_back(kHex[byte & 0x0F]);
    }
  }
  return encoded;
}

QueryString::QueryString(std::string_view raw) {
  std::size_t start = 0;
  while (start <= raw.size()) {
    std::size_t end = raw.find('&', start);
    if (end == std::string_view::npos)
      end = raw.size();
    const std::string_view pair = raw.substr(start, end - start);
    start = end + 1;
    if (pair.empty())
      continue;
    const std::size_t equals = pair.find('=');
    std::optional<std::string> name = percentDecode(pair.substr(0, equals), true);
    std::optional<std::string> value = equals == std::string_view::npos
                                           ? std::optional<std::string>("")
                                           : percentDecode(pair.substr(equals + 1), true);
    if (!name || !value || name->empty()) {
      valid_ = false;
      continue;
    }
    parameters_.emplace_back(std::move(*name), std::move(*value));
  }
}

std::optional<std::string> QueryString::get(std::string_view name) const {
  for (const auto& [key, value] : parameters_) {
    if (key == name)
      return value;
  }
  return std::nullopt;
}

int QueryString::count(std::string_view name) const {
  int found = 0;
  for (const auto& parameter : parameters_) {
    if (parameter.first == name)
      ++found;
  }
  return found;
}

} // namespace gatehouse::http
