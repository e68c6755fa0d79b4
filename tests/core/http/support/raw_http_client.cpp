#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <gatehouse_test/raw_http_client.hpp>
#include <netinet/in.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace gatehouse::testing {
namespace {

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

bool hasHeader(const std::vector<std::pair<std::string, std::string>>& headers, std::string_view name) {
  return std::any_of(headers.begin(), headers.end(),
                     [&](const auto& header) { return lower(header.first) == name; });
}

} // namespace

bool RawResponse::closesConnection() const {
  return lower(header("connection")) == "close";
}

RawConnection::RawConnection(std::uint16_t port, std::chrono::milliseconds timeout) {
  fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd_ < 0)
    throw std::runtime_error("socket() failed");
  timeval tv{};
  tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
  tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
  ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd_);
    fd_ = -1;
    throw std::runtime_error("connect to 127.0.0.1:" + std::to_string(port) + " failed");
  }
}

RawConnection::~RawConnection() {
  close();
}

void RawConnection::close() {
  if (fd_ >= 0)
    ::close(fd_);
  fd_ = -1;
}

void RawConnection::shutdownSend() {
  ::shutdown(fd_, SHUT_WR);
}

bool RawConnection::send(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent <= 0)
      return false;
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

bool RawConnection::fill() {
  char block[8192];
  const ssize_t got = ::recv(fd_, block, sizeof block, 0);
  if (got <= 0)
    return false;
  buffer_.append(block, static_cast<std::size_t>(got));
  return true;
}

std::string RawConnection::readLine() {
  for (;;) {
    const auto end = buffer_.find("\r\n");
    if (end != std::string::npos) {
      std::string line = buffer_.substr(0, end);
      buffer_.erase(0, end + 2);
      return line;
    }
    if (!fill())
      throw std::runtime_error("connection closed or timed out while reading a line");
  }
}

std::string RawConnection::readExactly(std::size_t count) {
  while (buffer_.size() < count) {
    if (!fill())
      throw std::runtime_error("connection closed or timed out while reading a body");
  }
  std::string data = buffer_.substr(0, count);
  buffer_.erase(0, count);
  return data;
}

RawResponse RawConnection::readHead() {
  RawResponse response;
  std::string statusLine = readLine();
  while (statusLine.rfind("HTTP/1.1 100", 0) == 0) { // skip interim 100 Continue
    while (!readLine().empty()) {
    }
    statusLine = readLine();
  }
  if (statusLine.size() < 12 || statusLine.rfind("HTTP/", 0) != 0) {
    throw std::runtime_error("bad status line: " + statusLine);
  }
  response.status = std::stoi(statusLine.substr(9, 3));
  for (std::string line = readLine(); !line.empty(); line = readLine()) {
    const auto colon = line.find(':');
    if (colon == std::string::npos)
      continue;
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(' '));
    response.allHeaders.emplace_back(lower(line.substr(0, colon)), value);
    response.headers[lower(line.substr(0, colon))] = value;
  }
  response.chunked = lower(response.header("transfer-encoding")) == "chunked";
  return response;
}

std::optional<std::string> RawConnection::readChunk() {
  const std::string sizeLine = readLine();
  const std::size_t size = std::stoul(sizeLine, nullptr, 16);
  if (size == 0) {
    while (!readLine().empty()) {
    }
    return std::nullopt;
  }
  std::string data = readExactly(size);
  readLine();
  return data;
}

RawResponse RawConnection::readResponse() {
  RawResponse response = readHead();
  if (response.chunked) {
    while (auto chunk = readChunk())
      response.body += *chunk;
  } else if (!response.header("content-length").empty()) {
    response.body = readExactly(std::stoul(response.header("content-length")));
  } else if (response.status != 204 && response.status != 304) {
    while (fill()) {
    }
    response.body.swap(buffer_);
  }
  return response;
}

bool RawConnection::waitForClose() {
  char byte;
  for (;;) {
    const ssize_t got = ::recv(fd_, &byte, 1, 0);
    if (got == 0)
      return true;
    if (got < 0)
      return errno == ECONNRESET || errno == EPIPE;
  }
}

std::string buildRequest(std::string_view method, std::string_view target,
                         const std::vector<std::pair<std::string, std::string>>& headers,
                         std::string_view body) {
  std::string text;
  text.append(method).append(" ").append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
  for (const auto& [name, value] : headers)
    text.append(name).append(": ").append(value).append("\r\n");
  if (!body.empty() && !hasHeader(headers, "content-length") && !hasHeader(headers, "transfer-encoding")) {
    text.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
  }
  text.append("\r\n").append(body);
  return text;
}

RawResponse roundTrip(std::uint16_t port, std::string_view requestBytes) {
  RawConnection connection(port);
  if (!connection.send(requestBytes))
    throw std::runtime_error("send failed");
  return connection.readResponse();
}

std::vector<std::string> sseData(std::string_view body) {
  std::vector<std::string> events;
  std::size_t start = 0;
  while (start < body.size()) {
    auto end = body.find("\n\n", start);
    if (end == std::string_view::npos)
      end = body.size();
    const std::string_view event = body.substr(start, end - start);
    std::string data;
    std::size_t lineStart = 0;
    while (lineStart < event.size()) {
      auto lineEnd = event.find('\n', lineStart);
      if (lineEnd == std::string_view::npos)
        lineEnd = event.size();
      const std::string_view line = event.substr(lineStart, lineEnd - lineStart);
      if (line.rfind("data: ", 0) == 0) {
        if (!data.empty())
          data += '\n';
        data.append(line.substr(6));
      }
      lineStart = lineEnd + 1;
    }
    if (!event.empty())
      events.push_back(data);
    start = end + 2;
  }
  return events;
}

} // namespace gatehouse::testing
