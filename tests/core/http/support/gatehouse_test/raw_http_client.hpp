// A deliberately low-level HTTP/1.1 client for tests: it sends exactly the bytes it is
// given (so tests can send garbage, half requests or lies about lengths) and parses
// responses itself (so tests see exactly what the server wrote).
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gatehouse::testing {

struct RawResponse {
  int status = 0;
  std::map<std::string, std::string> headers; // names lowercased; the last of repeated ones
  std::vector<std::pair<std::string, std::string>> allHeaders; // every header line, in order
  std::string body;                           // de-chunked
  bool chunked = false;

  std::string header(const std::string& lowercaseName) const {
    const auto found = headers.find(lowercaseName);
    return found == headers.end() ? std::string() : found->second;
  }
  // Every value of a header that may repeat (e.g. set-cookie), in order.
  std::vector<std::string> headerValues(const std::string& lowercaseName) const {
    std::vector<std::string> values;
    for (const auto& [name, value] : allHeaders) {
      if (name == lowercaseName)
        values.push_back(value);
    }
    return values;
  }
  // True when the server said it will close the connection ("Connection: close", any case).
  bool closesConnection() const;
};

class RawConnection {
public:
  // Connects to 127.0.0.1:port; every read gives up after `timeout`.
  explicit RawConnection(std::uint16_t port, std::chrono::milliseconds timeout = std::chrono::seconds(10));
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  // False when the peer already closed or reset the connection.
  bool send(std::string_view bytes);
  // Reads one whole response. Throws std::runtime_error on timeout or early close.
  RawResponse readResponse();
  // Reads the status line and headers only; then readChunk() pulls a chunked body.
  RawResponse readHead();
  // The next chunk's data; nullopt at the last (zero) chunk.
  std::optional<std::string> readChunk();
  // True when the server closed the connection (EOF or reset) within the timeout.
  bool waitForClose();
  // Half-closes: the server sees the end of the request stream, we can still read.
  void shutdownSend();
  void close();

private:
  std::string readLine();
  std::string readExactly(std::size_t count);
  bool fill();

  int fd_ = -1;
  std::string buffer_;
};

// Builds request bytes. A "Content-Length" is added for a non-empty body unless the
// headers already say how the body is framed.
std::string buildRequest(std::string_view method, std::string_view target,
                         const std::vector<std::pair<std::string, std::string>>& headers = {},
                         std::string_view body = {});

// One request on a fresh connection.
RawResponse roundTrip(std::uint16_t port, std::string_view requestBytes);

// The "data:" payloads of an SSE body, one per event.
std::vector<std::string> sseData(std::string_view body);

} // namespace gatehouse::testing
