// A byte-exact HTTP/1.1 exchange for tests that check framing, timing and cut connections,
// which a client library would smooth over.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace gatehouse::mock::test {

using Clock = std::chrono::steady_clock;

struct RawChunk {
  std::string data;
  Clock::time_point arrived;
};

struct RawReply {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers; // names lower-cased
  std::string body;                                         // de-chunked
  std::vector<RawChunk> chunks;                             // chunked bodies only, in order
  bool chunked = false;
  bool complete = false;   // the body ended the way its framing says
  bool peerClosed = false; // end of stream or reset before (or without) completion
  Clock::time_point sent;
  Clock::time_point headArrived;
  Clock::time_point finished;
  std::string header(const std::string& lowerName) const;
};

// "METHOD target HTTP/1.1" with Host, Content-Length and the given headers.
std::string rawRequest(const std::string& method, const std::string& target, const std::string& body,
                       const std::vector<std::pair<std::string, std::string>>& headers);

// Connects to 127.0.0.1:port, sends `request`, reads one response (or until the peer
// closes), then closes.
RawReply rawExchange(std::uint16_t port, const std::string& request,
                     std::chrono::milliseconds timeout = std::chrono::seconds(20));

} // namespace gatehouse::mock::test
