// What a route handler gets to see of a request: already routed, its body read and
// size-checked, its request id settled.
#pragma once

#include <gatehouse/plugin_host/exchange.hpp>

#include <cstdint>
#include <string_view>

namespace gatehouse::http {

struct IncomingRequest {
  ClientRequest& client;        // headers, method, path, peer address
  std::string_view body;        // empty for routes that take no body
  std::string_view requestId;   // also set as x-request-id on the response
  std::int64_t startedAtMs = 0; // unix epoch milliseconds, when the headers were read
};

} // namespace gatehouse::http
