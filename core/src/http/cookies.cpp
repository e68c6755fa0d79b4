#include <gatehouse/common/ascii_text.hpp>
#include <gatehouse/http/cookies.hpp>

#include <stdexcept>

namespace gatehouse::http {
namespace {

// RFC 6265 cookie-octet: visible ASCII except '"', ',', ';' and '\\'.
bool isCookieOctet(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte >= 0x21 && byte <= 0x7E && c != '"' && c != ',' && c != ';' && c != '\\';
}

// RFC 7230 token characters, which is what a cookie name must be.
bool isTokenChar(char c) {
  const auto byte = static_cast<unsigned char>(c);
  if (byte <= 0x20 || byte >= 0x7F)
    return false;
  for (const char separator : std::string_view("()<>@,;:\\\"/[]?={}"))
    if (c == separator)
      return false;
  return true;
}

void requireCookieText(std::string_view name, std::string_view value) {
  if (name.empty())
    throw std::invalid_argument("cookie name is empty");
  for (const char c : name)
    if (!isTokenChar(c))
      throw std::invalid_argument("cookie name has a character cookies cannot carry");
  for (const char c : value)
    if (!isCookieOctet(c))
      throw std::invalid_argument("cookie value has a character cookies cannot carry");
}

} // namespace

std::optional<std::string_view> cookieValue(std::string_view cookieHeader, std::string_view name) {
  while (!cookieHeader.empty()) {
    const std::size_t semicolon = cookieHeader.find(';');
    const std::string_view pair = ascii::trimBlanks(cookieHeader.substr(0, semicolon));
    cookieHeader =
        semicolon == std::string_view::npos ? std::string_view() : cookieHeader.substr(semicolon + 1);
    const std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos)
      continue;
    if (ascii::trimBlanks(pair.substr(0, equals)) == name)
      return ascii::trimBlanks(pair.substr(equals + 1));
  }
  return std::nullopt;
}

std::string setCookieHeader(std::string_view name, std::string_view value,
                            const CookieAttributes& attributes) {
  requireCookieText(name, value);
  std::string header;
  header.append(name).append("=").append(value);
  header.append("; Path=").append(attributes.path);
  if (attributes.maxAgeSeconds)
    header.append("; Max-Age=").append(std::to_string(*attributes.maxAgeSeconds));
  if (attributes.httpOnly)
    header.append("; HttpOnly");
  if (attributes.secure)
    header.append("; Secure");
  header.append(attributes.sameSite == SameSite::Strict ? "; SameSite=Strict" : "; SameSite=Lax");
  return header;
}

std::string clearCookieHeader(std::string_view name, const CookieAttributes& attributes) {
  CookieAttributes expired = attributes;
  expired.maxAgeSeconds = 0;
  return setCookieHeader(name, "", expired);
}

} // namespace gatehouse::http
