// Reads one response body off its connection, as the head framed it (Content-Length,
// chunked or until close), with the idle and total timeouts.
#pragma once

#include <gatehouse/upstream/chunked_decoder.hpp>
#include <gatehouse/upstream/exchange_timer.hpp>
#include <gatehouse/upstream/response_head.hpp>
#include <gatehouse/upstream/upstream_connection.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace gatehouse {

class BodyReader {
public:
  BodyReader(UpstreamConnection& connection, const ResponseHead& head, const ExchangeTimer& timer,
             int idleTimeoutMs, std::string authority);

  // Appends between 1 and `maxBytes` body bytes to `out`; false (nothing appended) at the
  // clean end of the body. Throws UpstreamError (GH_ERROR_UPSTREAM for a cut or malformed
  // body, GH_ERROR_UPSTREAM_TIMEOUT).
  bool read(std::string& out, std::size_t maxBytes);
  bool complete() const { return complete_; }

private:
  std::size_t takeBuffered(std::string& out, std::size_t maxBytes);
  // False when the connection ended (cleanly closed) instead of giving more bytes.
  bool receiveMore();
  [[noreturn]] void cutOff() const;

  UpstreamConnection& connection_;
  const ExchangeTimer& timer_;
  int idleTimeoutMs_;
  std::string authority_;
  BodyFraming framing_;
  std::uint64_t lengthLeft_;
  ChunkedDecoder chunked_;
  bool complete_ = false;
};

} // namespace gatehouse
