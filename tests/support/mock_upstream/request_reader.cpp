#include "request_reader.hpp"

#include <Poco/Net/NetException.h>
#include <Poco/Net/StreamSocket.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace gatehouse::mock {
namespace {

constexpr std::size_t kMaxHeadBytes = std::size_t{64} * 1024;
constexpr std::size_t kMaxLineBytes = std::size_t{8} * 1024;
constexpr std::size_t kReadChunkBytes = std::size_t{16} * 1024;

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
    text.remove_suffix(1);
  return text;
}

bool isTokenChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

std::size_t parseSize(std::string_view text, int base, int errorStatus) {
  std::size_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size())
    throw BadRequest(errorStatus, "invalid length '" + std::string(text) + "'");
  return value;
}

[[noreturn]] void peerClosed() {
  throw Poco::Net::ConnectionResetException("peer closed in the middle of a request");
}

} // namespace

RequestReader::RequestReader(Poco::Net::StreamSocket& socket, std::size_t maxBodyBytes)
    : socket_(socket), maxBodyBytes_(maxBodyBytes) {
}

bool RequestReader::fill() {
  if (consumed_ > 0 && consumed_ >= buffer_.size() / 2) {
    buffer_.erase(0, consumed_);
    consumed_ = 0;
  }
  auto oldSize = buffer_.size();
  buffer_.resize(oldSize + kReadChunkBytes);
  int received = socket_.receiveBytes(buffer_.data() + oldSize, static_cast<int>(kReadChunkBytes));
  buffer_.resize(oldSize + static_cast<std::size_t>(std::max(received, 0)));
  return received > 0;
}

std::optional<HttpRequest> RequestReader::readHead() {
  while (true) {
    auto view = pending();
    // RFC 9112 asks servers to ignore empty lines before a request line.
    while (!view.empty() && (view.front() == '\r' || view.front() == '\n')) {
      view.remove_prefix(1);
      ++consumed_;
    }
    auto end = view.find("\r\n\r\n");
    if (end != std::string_view::npos) {
      auto request = parseHead(view.substr(0, end));
      consumed_ += end + 4;
      return request;
    }
    if (view.size() > kMaxHeadBytes)
      throw BadRequest(431, "request head larger than 64 KiB");
    if (!fill()) {
      if (pending().empty())
        return std::nullopt;
      peerClosed();
    }
  }
}

HttpRequest RequestReader::parseHead(std::string_view head) const {
  HttpRequest request;
  auto lineEnd = head.find("\r\n");
  auto requestLine = head.substr(0, lineEnd);
  auto firstSpace = requestLine.find(' ');
  auto lastSpace = requestLine.rfind(' ');
  if (firstSpace == std::string_view::npos || lastSpace == firstSpace)
    throw BadRequest(400, "malformed request line");
  request.method = std::string(requestLine.substr(0, firstSpace));
  request.target = std::string(requestLine.substr(firstSpace + 1, lastSpace - firstSpace - 1));
  auto version = requestLine.substr(lastSpace + 1);
  if (version == "HTTP/1.1")
    request.minorVersion = 1;
  else if (version == "HTTP/1.0")
    request.minorVersion = 0;
  else
    throw BadRequest(505, "unsupported HTTP version");
  if (request.target.empty() || request.target.front() != '/')
    throw BadRequest(400, "request target must be an absolute path");
  auto question = request.target.find('?');
  request.path = request.target.substr(0, question);
  if (question != std::string::npos)
    request.query = request.target.substr(question + 1);

  while (lineEnd != std::string_view::npos) {
    head.remove_prefix(lineEnd + 2);
    lineEnd = head.find("\r\n");
    auto line = head.substr(0, lineEnd);
    auto colon = line.find(':');
    if (colon == 0 || colon == std::string_view::npos)
      throw BadRequest(400, "malformed header line");
    std::string name(line.substr(0, colon));
    if (!std::all_of(name.begin(), name.end(), isTokenChar))
      throw BadRequest(400, "malformed header name");
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
    request.headers.emplace_back(std::move(name), std::string(trim(line.substr(colon + 1))));
  }
  return request;
}

void RequestReader::readBody(HttpRequest& request) {
  const auto* transferEncoding = request.header("transfer-encoding");
  if (transferEncoding && transferEncoding->find("chunked") != std::string::npos) {
    readChunked(request.body);
    return;
  }
  const auto* contentLength = request.header("content-length");
  if (!contentLength)
    return;
  auto length = parseSize(*contentLength, 10, 400);
  if (length > maxBodyBytes_)
    throw BadRequest(413, "request body larger than the mock accepts");
  readExact(length, request.body);
}

void RequestReader::readExact(std::size_t count, std::string& out) {
  auto fromBuffer = std::min(count, pending().size());
  out.append(pending().substr(0, fromBuffer));
  consumed_ += fromBuffer;
  auto offset = out.size();
  auto remaining = count - fromBuffer;
  // Large uploads go straight into the body instead of through the buffer.
  out.resize(offset + remaining);
  while (remaining > 0) {
    int chunk = static_cast<int>(std::min<std::size_t>(remaining, 1 << 20));
    int received = socket_.receiveBytes(out.data() + offset, chunk);
    if (received <= 0)
      peerClosed();
    offset += static_cast<std::size_t>(received);
    remaining -= static_cast<std::size_t>(received);
  }
}

std::string RequestReader::readLine() {
  while (true) {
    auto view = pending();
    auto end = view.find("\r\n");
    if (end != std::string_view::npos) {
      std::string line(view.substr(0, end));
      consumed_ += end + 2;
      return line;
    }
    if (view.size() > kMaxLineBytes)
      throw BadRequest(400, "chunk line too long");
    if (!fill())
      peerClosed();
  }
}

void RequestReader::readChunked(std::string& out) {
  while (true) {
    auto line = readLine();
    auto sizeText = trim(std::string_view(line).substr(0, line.find(';')));
    auto size = parseSize(sizeText, 16, 400);
    if (size == 0)
      break;
    if (out.size() + size > maxBodyBytes_)
      throw BadRequest(413, "request body larger than the mock accepts");
    readExact(size, out);
    if (!readLine().empty())
      throw BadRequest(400, "chunk not followed by CRLF");
  }
  // Trailer fields are not used by any provider API; read past them.
  while (!readLine().empty()) {
  }
}

} // namespace gatehouse::mock
