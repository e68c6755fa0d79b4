// One HTTP/1.1 request as the mock upstream read it off the wire.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gatehouse::mock {

struct HttpRequest {
  std::string method;
  std::string target; // path and query exactly as received
  std::string path;   // target without the query, not percent-decoded
  std::string query;  // after '?', without it
  int minorVersion = 1;
  // Names are lower-cased on arrival: HTTP names are case-insensitive and every lookup here
  // wants one spelling. Order and duplicates are kept.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  // First value of a header, by lower-case name; nullptr when absent.
  const std::string* header(std::string_view lowerName) const;
  // Percent-decoded value of a query parameter.
  std::optional<std::string> queryParam(std::string_view name) const;
  // HTTP/1.1 keeps the connection unless "Connection: close"; HTTP/1.0 only with keep-alive.
  bool wantsKeepAlive() const;
  bool expectsContinue() const;
};

} // namespace gatehouse::mock
