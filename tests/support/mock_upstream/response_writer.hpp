// Writes one HTTP/1.1 response, applying the request's scenario timing and cuts.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scenario.hpp"

namespace Poco::Net {
class StreamSocket;
}

namespace gatehouse::mock {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// Thrown once the writer has ended the connection on purpose (`cut`, `reset`): the
// connection loop stops without touching the socket again.
struct ConnectionCut {};

class ResponseWriter {
public:
  ResponseWriter(Poco::Net::StreamSocket& socket, bool tls, bool keepAlive);

  // Timing and cuts for everything written after this call.
  void useScenario(const Scenario& scenario) { scenario_ = scenario; }

  // A whole body with Content-Length. `slow-body` sends it in 4 pieces, each after a pause;
  // `cut:<n>` stops after n body bytes when the body is longer.
  void send(int status, std::string_view contentType, std::string_view body, const HeaderList& headers = {});

  // A chunked stream of events (SSE). Each event goes out in one chunk, in one write, at
  // once. `drip` pauses between events; `cut:<n>` closes after n events.
  void startEvents(int status, std::string_view contentType, const HeaderList& headers = {});
  void event(std::string_view framedEvent);

  // A chunked binary stream (audio). `drip` pauses between pieces; `cut:<n>` closes after
  // n body bytes.
  void startBytes(int status, std::string_view contentType, const HeaderList& headers = {});
  void bytes(std::string_view piece);

  // Ends a chunked stream (or cuts it, when the scenario's count was reached exactly).
  void finish();

  // RST without any response.
  [[noreturn]] void resetConnection();

  bool keepAlive() const { return keepAlive_; }
  bool started() const { return mode_ != Mode::Idle; }

private:
  enum class Mode { Idle, Events, Bytes, Done };

  void beginResponse();
  std::string head(int status, std::string_view contentType, const HeaderList& headers,
                   std::optional<std::size_t> contentLength) const;
  void sendChunk(std::string_view payload);
  void sendAll(std::string_view data);
  void pause(std::chrono::milliseconds delay) const;
  [[noreturn]] void cutConnection();

  Poco::Net::StreamSocket& socket_;
  bool tls_;
  bool keepAlive_;
  Scenario scenario_;
  Mode mode_ = Mode::Idle;
  std::size_t eventsSent_ = 0;
  std::size_t bytesSent_ = 0;
};

} // namespace gatehouse::mock
