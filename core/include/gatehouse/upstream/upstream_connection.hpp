// One open connection to an upstream (or to the proxy in front of it): the socket, plain
// or TLS, and its receive buffer, which outlives single requests so that keep-alive
// connections do not allocate per request.
#pragma once

#include <Poco/Net/StreamSocket.h>

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

namespace gatehouse {

using UpstreamClock = std::chrono::steady_clock;

class UpstreamConnection {
public:
  enum class Read { Data, End, Timeout, Failed };

  UpstreamConnection(Poco::Net::StreamSocket socket, bool tls);
  ~UpstreamConnection();
  UpstreamConnection(const UpstreamConnection&) = delete;
  UpstreamConnection& operator=(const UpstreamConnection&) = delete;

  // Sends all of `bytes`, waiting at most `wait` for the socket each time it is full.
  // False on failure (error() says why).
  bool send(std::string_view bytes, std::chrono::milliseconds wait);
  // Appends what the socket has (waiting at most `wait` for something) to the buffer.
  Read fill(std::chrono::milliseconds wait);

  // Received bytes not consumed yet.
  std::string_view buffered() const { return std::string_view(buffer_).substr(start_); }
  void consume(std::size_t bytes);

  // A connection that sat in the pool is unusable when the upstream closed it or sent
  // something unasked: either way the socket reads as ready.
  bool idleAndIntact();
  // Closes the socket now; unread data makes the kernel reset the connection, which is
  // what stops an abandoned stream upstream.
  void close();

  const std::string& error() const { return error_; }
  // Where the next request's head is assembled; kept to reuse its memory.
  std::string& writeBuffer() { return writeBuffer_; }
  bool tls() const { return tls_; }
  // Whether a request has already been answered on this connection (it came from the pool).
  bool reused() const { return requests_ > 0; }
  void countRequest() { ++requests_; }
  UpstreamClock::time_point idleSince() const { return idleSince_; }
  void markIdle() { idleSince_ = UpstreamClock::now(); }
  // Hands the socket over (for the TLS upgrade after a proxy CONNECT) without closing it.
  Poco::Net::StreamSocket release();

private:
  void setReceiveTimeout(std::chrono::milliseconds wait);
  void setSendTimeout(std::chrono::milliseconds wait);

  Poco::Net::StreamSocket socket_;
  bool tls_;
  bool open_ = true;
  std::string buffer_;
  std::size_t start_ = 0;
  std::chrono::milliseconds receiveTimeout_{-1};
  std::chrono::milliseconds sendTimeout_{-1};
  unsigned long requests_ = 0;
  UpstreamClock::time_point idleSince_;
  std::string writeBuffer_;
  std::string error_;
};

} // namespace gatehouse
