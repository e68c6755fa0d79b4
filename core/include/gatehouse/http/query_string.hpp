// URL decoding of request targets: path segments and application/x-www-form-urlencoded
// query strings ("a=1&b=x%20y"), as the admin API's paging parameters and the sign-in
// callback's code and state arrive.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gatehouse::http {

// Decodes %XX escapes (and '+' as a space when `plusIsSpace`, as in query strings).
// nullopt for a malformed escape ("%", "%4", "%zz") or a decoded NUL byte.
std::optional<std::string> percentDecode(std::string_view text, bool plusIsSpace);

// Encodes everything except RFC 3986 unreserved characters (A-Z a-z 0-9 - . _ ~).
std::string percentEncode(std::string_view text);

class QueryString {
public:
  // Parses the raw query (without '?'). Empty pairs ("a=1&&b=2") are skipped; a name
  // without '=' has an empty value. valid() is false when any part is malformed.
  explicit QueryString(std::string_view raw);

  bool valid() const { return valid_; }
  // The first value given for `name`; nullopt when absent.
  std::optional<std::string> get(std::string_view name) const;
  // How many times `name` was given (a parameter that must be single can say so).
  int count(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& parameters() const { return parameters_; }

private:
  std::vector<std::pair<std::string, std::string>> parameters_;
  bool valid_ = true;
};

} // namespace gatehouse::http
