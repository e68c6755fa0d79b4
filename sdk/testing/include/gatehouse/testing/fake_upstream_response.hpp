// One scripted answer of the fake upstream: a status, headers, and a body given whole, as
// Server-Sent Events or as raw chunks, or a failure of the send itself, or a body cut off
// after some pieces. The body is kept as the pieces the plugin would receive, so whichever
// read style the plugin uses (read_body, next_event, read_chunk) sees the same bytes.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gatehouse::testing {

struct FakeSseEvent {
  std::string data;
  std::string event; // no "event:" line when empty
  std::string id;    // no "id:" line when empty
};

struct FakeFailure {
  gh_status status = GH_ERROR_UPSTREAM;
  std::string message;
};

class FakeUpstreamResponse {
public:
  // A body sent in one piece.
  static FakeUpstreamResponse body(int status, std::string body,
                                   std::string contentType = "application/json") {
    FakeUpstreamResponse response(status, std::move(contentType));
    response.pieces_.push_back(std::move(body));
    return response;
  }
  // A text/event-stream body with one piece per event.
  static FakeUpstreamResponse events(int status, const std::vector<FakeSseEvent>& events) {
    FakeUpstreamResponse response(status, "text/event-stream");
    for (const FakeSseEvent& event : events) {
      response.pieces_.push_back(frame(event));
    }
    return response;
  }
  // Shorthand for a 200 stream of data-only events, e.g. OpenAI's chunks then "[DONE]".
  static FakeUpstreamResponse dataEvents(const std::vector<std::string>& data) {
    std::vector<FakeSseEvent> events;
    for (const std::string& one : data) {
      events.push_back(FakeSseEvent{one, {}, {}});
    }
    return FakeUpstreamResponse::events(200, events);
  }
  // A body in exactly these pieces (raw bytes; each arrives as one read).
  static FakeUpstreamResponse chunks(int status, std::vector<std::string> pieces,
                                     std::string contentType = "application/octet-stream") {
    FakeUpstreamResponse response(status, std::move(contentType));
    response.pieces_ = std::move(pieces);
    return response;
  }
  // upstream_send itself fails (unreachable, timeout, pool full, ...).
  static FakeUpstreamResponse sendFailure(gh_status status, std::string message) {
    FakeUpstreamResponse response(0, "");
    response.sendFailure_ = FakeFailure{status, std::move(message)};
    return response;
  }

  // Adds a response header (the Content-Type given above is the first one).
  FakeUpstreamResponse& header(std::string name, std::string value) {
    headers_.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  // The body breaks off after `pieces` pieces (events or chunks): the read that needs the
  // next one fails with `status` and `message`. Past the last piece it replaces the clean end.
  FakeUpstreamResponse& failAfter(std::size_t pieces, gh_status status, std::string message) {
    failAfter_ = pieces;
    bodyFailure_ = FakeFailure{status, std::move(message)};
    return *this;
  }

  int status() const { return status_; }
  const std::vector<std::pair<std::string, std::string>>& headers() const { return headers_; }
  const std::vector<std::string>& pieces() const { return pieces_; }
  const std::optional<FakeFailure>& sendFailure() const { return sendFailure_; }
  const std::optional<std::size_t>& failAfter() const { return failAfter_; }
  const FakeFailure& bodyFailure() const { return bodyFailure_; }

  // One event in SSE framing; a multi-line data becomes one "data:" line per line.
  static std::string frame(const FakeSseEvent& event) {
    std::string out;
    if (!event.event.empty()) {
      out += "event: " + event.event + "\n";
    }
    if (!event.id.empty()) {
      out += "id: " + event.id + "\n";
    }
    std::size_t start = 0;
    while (true) {
      const std::size_t end = event.data.find('\n', start);
      out += "data: " + event.data.substr(start, end == std::string::npos ? std::string::npos : end - start) +
             "\n";
      if (end == std::string::npos) {
        break;
      }
      start = end + 1;
    }
    return out + "\n";
  }

private:
  FakeUpstreamResponse(int status, std::string contentType) : status_(status) {
    if (!contentType.empty()) {
      headers_.emplace_back("Content-Type", std::move(contentType));
    }
  }

  int status_;
  std::vector<std::pair<std::string, std::string>> headers_;
  std::vector<std::string> pieces_;
  std::optional<FakeFailure> sendFailure_;
  std::optional<std::size_t> failAfter_;
  FakeFailure bodyFailure_;
};

} // namespace gatehouse::testing
