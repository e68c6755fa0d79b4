#include <gatehouse/common/ascii_text.hpp>
#include <gatehouse/http/content_type.hpp>

namespace gatehouse::http {
namespace {

bool isUtf8CharsetParameter(std::string_view parameter) {
  const auto equals = parameter.find('=');
  if (equals == std::string_view::npos)
    return false;
  if (!ascii::equalsIgnoreCase(ascii::trimBlanks(parameter.substr(0, equals)), "charset"))
    return false;
  std::string_view value = ascii::trimBlanks(parameter.substr(equals + 1));
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
    value = value.substr(1, value.size() - 2);
  return ascii::equalsIgnoreCase(value, "utf-8") || ascii::equalsIgnoreCase(value, "utf8");
}

std::string_view mediaTypeOf(std::string_view headerValue) {
  return ascii::trimBlanks(headerValue.substr(0, headerValue.find(';')));
}

} // namespace

bool isJsonContentType(std::string_view headerValue) {
  const auto semicolon = headerValue.find(';');
  if (!ascii::equalsIgnoreCase(mediaTypeOf(headerValue), "application/json"))
    return false;
  std::string_view rest =
      semicolon == std::string_view::npos ? std::string_view{} : headerValue.substr(semicolon + 1);
  while (!rest.empty()) {
    const auto next = rest.find(';');
    const std::string_view parameter = ascii::trimBlanks(rest.substr(0, next));
    if (!parameter.empty() && !isUtf8CharsetParameter(parameter))
      return false;
    rest = next == std::string_view::npos ? std::string_view{} : rest.substr(next + 1);
  }
  return true;
}

bool isMultipartFormContentType(std::string_view headerValue) {
  return ascii::equalsIgnoreCase(mediaTypeOf(headerValue), "multipart/form-data");
}

} // namespace gatehouse::http
