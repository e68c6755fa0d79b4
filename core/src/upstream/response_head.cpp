#include <gatehouse/common/ascii_text.hpp>
#include <gatehouse/upstream/response_head.hpp>

#include <algorithm>
#include <charconv>

namespace gatehouse {
namespace {

bool isTokenChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

// The end of the head: the first empty line, with CRLF or (tolerated) bare LF endings.
std::size_t headEnd(std::string_view bytes) {
  for (std::size_t i = bytes.find('\n'); i != std::string_view::npos; i = bytes.find('\n', i + 1)) {
    if (i + 1 < bytes.size() && bytes[i + 1] == '\n') {
      return i + 2;
    }
    if (i + 2 < bytes.size() && bytes[i + 1] == '\r' && bytes[i + 2] == '\n') {
      return i + 3;
    }
  }
  return std::string_view::npos;
}

} // namespace

bool hasToken(std::string_view fieldValue, std::string_view token) {
  while (!fieldValue.empty()) {
    const std::size_t comma = fieldValue.find(',');
    if (ascii::equalsIgnoreCase(ascii::trimBlanks(fieldValue.substr(0, comma)), token)) {
      return true;
    }
    if (comma == std::string_view::npos) {
      break;
    }
    fieldValue.remove_prefix(comma + 1);
  }
  return false;
}

ResponseHead::Parse ResponseHead::invalid(std::string why) {
  error_ = std::move(why);
  return Parse::Invalid;
}

ResponseHead::Parse ResponseHead::parse(std::string_view bytes, bool headRequest, std::size_t& consumed) {
  const std::size_t end = headEnd(bytes);
  if (end == std::string_view::npos) {
    if (bytes.size() > kMaxBytes) {
      return invalid("response head larger than 64 KiB");
    }
    if (bytes.size() >= 5 && bytes.substr(0, 5) != "HTTP/") {
      return invalid("not an HTTP/1.x response");
    }
    return Parse::NeedMore;
  }
  if (end > kMaxBytes) {
    return invalid("response head larger than 64 KiB");
  }
  text_.assign(bytes.substr(0, end));
  fields_.clear();
  std::string_view rest(text_);
  bool first = true;
  while (!rest.empty()) {
    const std::size_t newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest.remove_prefix(newline + 1);
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (first) {
      if (!parseStatusLine(line)) {
        return invalid("malformed status line");
      }
      first = false;
      continue;
    }
    if (line.empty()) {
      break;
    }
    if (line.front() == ' ' || line.front() == '\t') {
      return invalid("folded header line");
    }
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0 ||
        !std::all_of(line.begin(), line.begin() + static_cast<std::ptrdiff_t>(colon), isTokenChar)) {
      return invalid("malformed header line");
    }
    fields_.emplace_back(line.substr(0, colon), ascii::trimBlanks(line.substr(colon + 1)));
  }
  if (!decideFraming(headRequest)) {
    return Parse::Invalid;
  }
  consumed = end;
  return Parse::Complete;
}

bool ResponseHead::parseStatusLine(std::string_view line) {
  // "HTTP/1.1 200 OK"; the reason phrase may be empty or missing.
  if (line.size() < 12 || line.substr(0, 7) != "HTTP/1." || line[8] != ' ') {
    return false;
  }
  if (line[7] != '0' && line[7] != '1') {
    return false;
  }
  minorVersion_ = line[7] - '0';
  const std::string_view code = line.substr(9, 3);
  const auto [ptr, ec] = std::from_chars(code.data(), code.data() + 3, status_);
  if (ec != std::errc() || ptr != code.data() + 3 || status_ < 100 || status_ > 999) {
    return false;
  }
  return line.size() == 12 || line[12] == ' ';
}

bool ResponseHead::decideFraming(bool headRequest) {
  const std::string_view connection = header("connection");
  keepAlive_ = minorVersion_ == 1 ? !hasToken(connection, "close") : hasToken(connection, "keep-alive");
  contentLength_ = 0;
  if (headRequest || status_ < 200 || status_ == 204 || status_ == 304) {
    framing_ = BodyFraming::None;
    return true;
  }
  const std::string_view transferEncoding = header("transfer-encoding");
  if (!transferEncoding.empty()) {
    // Only a final "chunked" marks the end of the body; any other coding runs until close.
    const std::size_t lastComma = transferEncoding.rfind(',');
    const std::string_view last = ascii::trimBlanks(
        lastComma == std::string_view::npos ? transferEncoding : transferEncoding.substr(lastComma + 1));
    framing_ = ascii::equalsIgnoreCase(last, "chunked") ? BodyFraming::Chunked : BodyFraming::UntilClose;
    if (framing_ == BodyFraming::UntilClose) {
      keepAlive_ = false;
    }
    return true;
  }
  bool seen = false;
  for (const auto& [name, value] : fields_) {
    if (!ascii::equalsIgnoreCase(name, "content-length")) {
      continue;
    }
    std::uint64_t length = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), length);
    if (value.empty() || ec != std::errc() || ptr != value.data() + value.size() ||
        (seen && length != contentLength_)) {
      error_ = "invalid Content-Length";
      return false;
    }
    contentLength_ = length;
    seen = true;
  }
  if (seen) {
    framing_ = BodyFraming::ContentLength;
    return true;
  }
  framing_ = BodyFraming::UntilClose;
  keepAlive_ = false;
  return true;
}

std::string_view ResponseHead::header(std::string_view name) const {
  for (const auto& [fieldName, value] : fields_) {
    if (ascii::equalsIgnoreCase(fieldName, name)) {
      return value;
    }
  }
  return {};
}

} // namespace gatehouse
