// Turns one parsed POCO request into a handler call: request id, routing (404/405),
// Content-Type (415) and body limits (413), and the exception boundary (500). Whatever
// happens inside, the client gets an answer in the OpenAI error shape.
#pragma once

#include <gatehouse/http/router.hpp>

#include <cstddef>

namespace Poco::Net {
class HTTPServerRequest;
class HTTPServerResponse;
} // namespace Poco::Net

namespace gatehouse::http {

class ServerState;

class RequestDispatcher {
public:
  // `state` (optional) tells responses whether the server is draining.
  RequestDispatcher(const Router& router, std::size_t maxBodyBytes, const ServerState* state = nullptr)
      : router_(router), maxBodyBytes_(maxBodyBytes), state_(state) {}

  // Never throws.
  void dispatch(Poco::Net::HTTPServerRequest& request,
                Poco::Net::HTTPServerResponse& response) const noexcept;

private:
  const Router& router_;
  std::size_t maxBodyBytes_;
  const ServerState* state_;
};

} // namespace gatehouse::http
