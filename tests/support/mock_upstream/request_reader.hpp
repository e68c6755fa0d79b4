// Reads HTTP/1.1 requests from one connection.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "http_request.hpp"

namespace Poco::Net {
class StreamSocket;
}

namespace gatehouse::mock {

// The bytes cannot be read as an HTTP request: answer `status` and close the connection.
class BadRequest : public std::runtime_error {
public:
  BadRequest(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

private:
  int status_;
};

// Buffers the socket so a request's head, its body and the next keep-alive request may
// arrive split at any byte.
class RequestReader {
public:
  RequestReader(Poco::Net::StreamSocket& socket, std::size_t maxBodyBytes);

  // Request line and headers. nullopt when the peer closed the connection between requests.
  std::optional<HttpRequest> readHead();
  // Content-Length or chunked body into request.body.
  void readBody(HttpRequest& request);

private:
  std::string_view pending() const { return std::string_view(buffer_).substr(consumed_); }
  bool fill();
  void readExact(std::size_t count, std::string& out);
  std::string readLine();
  void readChunked(std::string& out);
  HttpRequest parseHead(std::string_view head) const;

  Poco::Net::StreamSocket& socket_;
  std::size_t maxBodyBytes_;
  std::string buffer_;
  std::size_t consumed_ = 0;
};

} // namespace gatehouse::mock
