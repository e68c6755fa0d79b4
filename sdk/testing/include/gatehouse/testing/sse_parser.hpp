// Server-Sent Events parsing by the WHATWG rules the host promises for upstream_next_event:
// "data" lines are joined with "\n", comments and "retry" are skipped, CR, LF and CRLF all
// end a line, an event still incomplete when the body ends is dropped. The fake upstream
// uses it, so a plugin sees the same events from a body given whole or in pieces.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace gatehouse::testing {

struct ParsedSseEvent {
  std::string event;
  std::string data;
  std::string id;
};

class SseParser {
public:
  // Adds the next bytes of the body.
  void feed(std::string_view bytes) { pending_.append(bytes.data(), bytes.size()); }

  // The next complete event, if the bytes fed so far hold one. `atEnd`: no more bytes
  // will come, so a lone CR at the very end ends its line instead of waiting for an LF.
  std::optional<ParsedSseEvent> next(bool atEnd = false) {
    std::string_view line;
    while (takeLine(line, atEnd)) {
      if (line.empty()) {
        if (std::optional<ParsedSseEvent> event = dispatch()) {
          return event;
        }
        continue;
      }
      field(line);
    }
    return std::nullopt;
  }

private:
  // Removes one line (without its ending) from the front of pending_.
  bool takeLine(std::string_view& line, bool atEnd) {
    if (!bomChecked_) {
      if (pending_.size() < 3 && !atEnd &&
          std::string_view("\xEF\xBB\xBF").substr(0, pending_.size()) == pending_) {
        return false;
      }
      if (pending_.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        pending_.erase(0, 3);
      }
      bomChecked_ = true;
    }
    const std::size_t end = pending_.find_first_of("\r\n", scanned_);
    if (end == std::string::npos) {
      scanned_ = pending_.size();
      return false;
    }
    std::size_t next = end + 1;
    if (pending_[end] == '\r') {
      if (end + 1 == pending_.size() && !atEnd) {
        scanned_ = end; // the LF of a CRLF may be in the next piece
        return false;
      }
      if (end + 1 < pending_.size() && pending_[end + 1] == '\n') {
        next = end + 2;
      }
    }
    line_.assign(pending_, 0, end);
    pending_.erase(0, next);
    scanned_ = 0;
    line = line_;
    return true;
  }

  void field(std::string_view line) {
    if (line.front() == ':') {
      return; // a comment
    }
    const std::size_t colon = line.find(':');
    std::string_view name = line.substr(0, colon);
    std::string_view value;
    if (colon != std::string_view::npos) {
      value = line.substr(colon + 1);
      if (!value.empty() && value.front() == ' ') {
        value.remove_prefix(1);
      }
    }
    if (name == "event") {
      current_.event.assign(value.data(), value.size());
    } else if (name == "data") {
      current_.data.append(value.data(), value.size());
      current_.data.push_back('\n');
      hasData_ = true;
    } else if (name == "id" && value.find('\0') == std::string_view::npos) {
      current_.id.assign(value.data(), value.size());
    }
  }

  std::optional<ParsedSseEvent> dispatch() {
    ParsedSseEvent event = std::exchange(current_, ParsedSseEvent{});
    if (!std::exchange(hasData_, false)) {
      return std::nullopt; // an event without data lines is not dispatched
    }
    event.data.pop_back(); // the "\n" after the last data line
    return event;
  }

  std::string pending_;
  std::size_t scanned_ = 0;
  std::string line_;
  bool bomChecked_ = false;
  ParsedSseEvent current_;
  bool hasData_ = false;
};

} // namespace gatehouse::testing
