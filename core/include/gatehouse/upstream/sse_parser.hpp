// An incremental Server-Sent Events parser (WHATWG "event stream interpretation"), fed the
// decoded body bytes as they arrive from the upstream.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gatehouse {

// Views into the parser; valid until the next call on it.
struct SseEvent {
  std::string_view event; // empty when the event had no "event:" field
  std::string_view data;  // the "data:" lines joined with "\n"
  std::string_view id;    // this event's "id:" field, empty when it had none
};

// Rules: "event", "data" and "id" fields; a line starting with ":" is a comment; "retry"
// and unknown fields are ignored; CR, LF and CRLF all end a line (also when the CR and
// the LF arrive in different reads); one space after the colon is stripped; a leading
// UTF-8 BOM is skipped; a blank line dispatches the event, unless it had no "data" field.
// Unlike a browser, `id` is not carried over to later events: each event reports its own.
// Bytes are only split at CR and LF, so a UTF-8 character split across reads is kept whole.
class SseParser {
public:
  void feed(std::string_view bytes);
  // The next complete event from the bytes fed so far; false when more bytes are needed.
  bool next(SseEvent& out);
  // At the end of the stream: an event cut short by EOF (no blank line after it) is still
  // dispatched when it has data, since some upstreams end their last event that way.
  bool finish(SseEvent& out);
  // Bytes held that are not yet part of a returned event (to cap an endless event).
  std::size_t pendingBytes() const { return buffer_.size() - pos_ + data_.size(); }

private:
  bool skipByteOrderMark(bool atEnd);
  void processLine(std::string_view line);
  bool dispatch(SseEvent& out);
  void resetEvent();

  std::string buffer_;
  std::size_t pos_ = 0;
  bool bomChecked_ = false;
  bool skipLineFeed_ = false; // the last line ended with a CR that may be half of a CRLF
  bool dispatched_ = false;
  bool hasData_ = false;
  std::string event_;
  std::string data_;
  std::string id_;
};

} // namespace gatehouse
