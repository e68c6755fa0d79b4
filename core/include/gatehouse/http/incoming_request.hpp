// What a route handler gets to see of a request: already routed, its body read and
// size-checked, its request id settled.
#pragma once

#include <gatehouse/plugin_host/exchange.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gatehouse::http {

// The values a route pattern's `{name}` segments matched, in pattern order.
using PathParams = std::vector<std::pair<std::string, std::string>>;

struct IncomingRequest {
  ClientRequest& client;        // headers, method, path, query, peer address
  std::string_view body;        // empty for routes that take no body
  std::string_view requestId;   // also set as x-request-id on the response
  std::int64_t startedAtMs = 0; // unix epoch milliseconds, when the headers were read
  PathParams pathParams = {};   // set by the router for pattern routes

  // The value of placeholder `{name}` (percent-decoded); empty when the route has none.
  std::string_view pathParam(std::string_view name) const {
    for (const auto& [key, value] : pathParams) {
      if (key == name)
        return value;
    }
    return {};
  }
};

} // namespace gatehouse::http
