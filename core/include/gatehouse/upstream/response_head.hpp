// The status line and header fields of an upstream's HTTP/1.x response, and what they say
// about the body that follows.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gatehouse {

enum class BodyFraming {
  None,          // HEAD, 1xx, 204, 304
  ContentLength, // exactly contentLength bytes
  Chunked,
  UntilClose, // the body ends when the upstream closes the connection
};

class ResponseHead {
public:
  // Longer heads are refused: no real upstream sends one, and the head is held whole.
  static constexpr std::size_t kMaxBytes = 64 * 1024;

  enum class Parse { Complete, NeedMore, Invalid };

  // Parses a head at the start of `bytes`. Complete: `consumed` is the head's length
  // (terminating blank line included). Invalid: error() says why. `headRequest`: the
  // request was HEAD, so no body follows whatever the headers say.
  Parse parse(std::string_view bytes, bool headRequest, std::size_t& consumed);

  int status() const { return status_; }
  // First value of the field, case-insensitive; empty when absent.
  std::string_view header(std::string_view name) const;
  BodyFraming framing() const { return framing_; }
  std::uint64_t contentLength() const { return contentLength_; }
  // HTTP/1.1 without "Connection: close", or HTTP/1.0 with "Connection: keep-alive".
  bool keepAlive() const { return keepAlive_; }
  const std::string& error() const { return error_; }

private:
  Parse invalid(std::string why);
  bool parseStatusLine(std::string_view line);
  bool decideFraming(bool headRequest);

  std::string text_; // the head's bytes; the views below point into it
  std::vector<std::pair<std::string_view, std::string_view>> fields_;
  int status_ = 0;
  int minorVersion_ = 1;
  BodyFraming framing_ = BodyFraming::UntilClose;
  std::uint64_t contentLength_ = 0;
  bool keepAlive_ = false;
  std::string error_;
};

// Whether the comma-separated field value holds `token` (case-insensitive), e.g. "close".
bool hasToken(std::string_view fieldValue, std::string_view token);

} // namespace gatehouse
