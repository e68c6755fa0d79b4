#include <gatehouse/upstream/sse_parser.hpp>

namespace gatehouse {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
// Consumed bytes are dropped from the front of the buffer only now and then, so a stream of
// small events does not move the rest of the buffer for every line.
constexpr std::size_t kCompactAfterBytes = 16 * 1024;

} // namespace

void SseParser::feed(std::string_view bytes) {
  if (pos_ == buffer_.size()) {
    buffer_.clear();
    pos_ = 0;
  } else if (pos_ >= kCompactAfterBytes) {
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  buffer_.append(bytes);
}

bool SseParser::skipByteOrderMark(bool atEnd) {
  if (bomChecked_) {
    return true;
  }
  const std::string_view start = std::string_view(buffer_).substr(pos_, kByteOrderMark.size());
  if (start.size() < kByteOrderMark.size() && kByteOrderMark.substr(0, start.size()) == start && !atEnd) {
    return false; // could still become a BOM
  }
  if (start == kByteOrderMark) {
    pos_ += kByteOrderMark.size();
  }
  bomChecked_ = true;
  return true;
}

void SseParser::resetEvent() {
  event_.clear(); // clear() keeps the capacity for the next event
  data_.clear();
  id_.clear();
  hasData_ = false;
}

bool SseParser::next(SseEvent& out) {
  if (dispatched_) {
    resetEvent();
    dispatched_ = false;
  }
  if (!skipByteOrderMark(false)) {
    return false;
  }
  while (pos_ < buffer_.size()) {
    if (skipLineFeed_) {
      skipLineFeed_ = false;
      if (buffer_[pos_] == '\n') {
        ++pos_;
        continue;
      }
    }
    const std::size_t end = buffer_.find_first_of("\r\n", pos_);
    if (end == std::string::npos) {
      return false; // the line is not complete yet
    }
    const std::string_view line(buffer_.data() + pos_, end - pos_);
    skipLineFeed_ = buffer_[end] == '\r';
    pos_ = end + 1;
    if (line.empty()) {
      if (dispatch(out)) {
        return true;
      }
      continue;
    }
    processLine(line);
  }
  return false;
}

bool SseParser::finish(SseEvent& out) {
  if (next(out)) {
    return true;
  }
  skipByteOrderMark(true);
  if (pos_ < buffer_.size()) {
    processLine(std::string_view(buffer_).substr(pos_));
    pos_ = buffer_.size();
  }
  return dispatch(out);
}

void SseParser::processLine(std::string_view line) {
  if (line.front() == ':') {
    return; // a comment, often sent as a keep-alive
  }
  const std::size_t colon = line.find(':');
  const std::string_view field = line.substr(0, colon);
  std::string_view value;
  if (colon != std::string_view::npos) {
    value = line.substr(colon + 1);
    if (!value.empty() && value.front() == ' ') {
      value.remove_prefix(1);
    }
  }
  if (field == "data") {
    if (hasData_) {
      data_.push_back('\n');
    }
    data_.append(value);
    hasData_ = true;
  } else if (field == "event") {
    event_.assign(value);
  } else if (field == "id") {
    if (value.find('\0') == std::string_view::npos) {
      id_.assign(value);
    }
  }
  // "retry" only matters to a reconnecting browser; other fields are ignored by the spec.
}

bool SseParser::dispatch(SseEvent& out) {
  if (!hasData_) {
    resetEvent();
    return false;
  }
  out.event = event_;
  out.data = data_;
  out.id = id_;
  dispatched_ = true;
  return true;
}

} // namespace gatehouse
