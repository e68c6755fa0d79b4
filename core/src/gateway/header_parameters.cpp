#include <gatehouse/common/ascii_text.hpp>
#include <gatehouse/gateway/header_parameters.hpp>

namespace gatehouse::gateway {
namespace {

// Reads a quoted string starting at text[0] == '"'. Returns the content between the
// quotes and sets `rest` to what follows the closing quote; nullopt when unterminated.
std::optional<std::string_view> readQuoted(std::string_view text, std::string_view& rest) {
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] == '\\') {
      ++i; // the escaped character cannot close the string
    } else if (text[i] == '"') {
      rest = text.substr(i + 1);
      return text.substr(1, i - 1);
    }
  }
  return std::nullopt;
}

} // namespace

std::optional<ParameterizedValue> parseHeaderParameters(std::string_view headerValue) {
  ParameterizedValue parsed;
  std::size_t semicolon = headerValue.find(';');
  parsed.value = ascii::trimBlanks(headerValue.substr(0, semicolon));
  std::string_view rest =
      semicolon == std::string_view::npos ? std::string_view{} : headerValue.substr(semicolon);
  while (!rest.empty()) {
    // rest starts at a ';' (or at whitespace after a quoted value).
    rest = ascii::trimBlanks(rest);
    if (rest.empty())
      break;
    if (rest.front() != ';')
      return std::nullopt; // garbage after a quoted value
    rest.remove_prefix(1);
    rest = ascii::trimBlanks(rest);
    if (rest.empty() || rest.front() == ';')
      continue;
    const std::size_t equals = rest.find_first_of("=;");
    if (equals == std::string_view::npos || rest[equals] != '=')
      return std::nullopt;
    const std::string_view name = ascii::trimBlanks(rest.substr(0, equals));
    if (name.empty())
      return std::nullopt;
    rest = ascii::trimBlanks(rest.substr(equals + 1));
    std::string_view value;
    if (!rest.empty() && rest.front() == '"') {
      const auto quoted = readQuoted(rest, rest);
      if (!quoted)
        return std::nullopt;
      value = *quoted;
    } else {
      const std::size_t end = rest.find(';');
      value = ascii::trimBlanks(rest.substr(0, end));
      rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
    }
    parsed.parameters.push_back({name, value});
  }
  return parsed;
}

std::optional<std::string_view> findParameter(const ParameterizedValue& parsed, std::string_view name) {
  for (const HeaderParameter& parameter : parsed.parameters) {
    if (ascii::equalsIgnoreCase(parameter.name, name))
      return parameter.value;
  }
  return std::nullopt;
}

} // namespace gatehouse::gateway
