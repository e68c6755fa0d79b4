#include <gatehouse/http/content_type.hpp>

#include <cctype>

namespace gatehouse::http {
namespace {

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size())
    return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

bool isUtf8CharsetParameter(std::string_view parameter) {
  const auto equals = parameter.find('=');
  if (equals == std::string_view::npos)
    return false;
  if (!equalsIgnoreCase(trim(parameter.substr(0, equals)), "charset"))
    return false;
  std::string_view value = trim(parameter.substr(equals + 1));
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
    value = value.substr(1, value.size() - 2);
  return equalsIgnoreCase(value, "utf-8") || equalsIgnoreCase(value, "utf8");
}

std::string_view mediaTypeOf(std::string_view headerValue) {
  return trim(headerValue.substr(0, headerValue.find(';')));
}

} // namespace

bool isJsonContentType(std::string_view headerValue) {
  const auto semicolon = headerValue.find(';');
  if (!equalsIgnoreCase(mediaTypeOf(headerValue), "application/json"))
    return false;
  std::string_view rest =
      semicolon == std::string_view::npos ? std::string_view{} : headerValue.substr(semicolon + 1);
  while (!rest.empty()) {
    const auto next = rest.find(';');
    const std::string_view parameter = trim(rest.substr(0, next));
    if (!parameter.empty() && !isUtf8CharsetParameter(parameter))
      return false;
    rest = next == std::string_view::npos ? std::string_view{} : rest.substr(next + 1);
  }
  return true;
}

bool isMultipartFormContentType(std::string_view headerValue) {
  return equalsIgnoreCase(mediaTypeOf(headerValue), "multipart/form-data");
}

} // namespace gatehouse::http
