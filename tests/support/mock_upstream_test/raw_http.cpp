#include "raw_http.hpp"

#include <Poco/Net/NetException.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include <algorithm>
#include <cctype>

namespace gatehouse::mock::test {
namespace {

class ReplyParser {
public:
  explicit ReplyParser(RawReply& reply) : reply_(reply) {}

  // Consumes what it can of `buffer`; true once the response is complete.
  bool feed(std::string& buffer, Clock::time_point now) {
    if (!headDone_) {
      auto end = buffer.find("\r\n\r\n");
      if (end == std::string::npos)
        return false;
      parseHead(buffer.substr(0, end));
      buffer.erase(0, end + 4);
      headDone_ = true;
      reply_.headArrived = now;
    }
    if (!reply_.chunked) {
      auto take = std::min(buffer.size(), contentLength_ - reply_.body.size());
      reply_.body += buffer.substr(0, take);
      buffer.erase(0, take);
      return reply_.body.size() == contentLength_;
    }
    while (true) {
      auto lineEnd = buffer.find("\r\n");
      if (lineEnd == std::string::npos)
        return false;
      auto size = std::stoul(buffer.substr(0, lineEnd), nullptr, 16);
      if (size == 0) {
        if (buffer.size() < lineEnd + 4)
          return false;
        buffer.erase(0, lineEnd + 4);
        return true;
      }
      if (buffer.size() < lineEnd + 2 + size + 2)
        return false;
      auto data = buffer.substr(lineEnd + 2, size);
      reply_.body += data;
      reply_.chunks.push_back({data, now});
      buffer.erase(0, lineEnd + 2 + size + 2);
    }
  }

private:
  void parseHead(const std::string& head) {
    reply_.status = std::stoi(head.substr(9, 3));
    std::size_t at = head.find("\r\n");
    while (at != std::string::npos) {
      auto next = head.find("\r\n", at + 2);
      auto line = head.substr(at + 2, next == std::string::npos ? std::string::npos : next - at - 2);
      auto colon = line.find(':');
      std::string name = line.substr(0, colon);
      std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
      auto value = line.substr(colon + 1);
      value.erase(0, value.find_first_not_of(' '));
      reply_.headers.emplace_back(name, value);
      at = next;
    }
    reply_.chunked = reply_.header("transfer-encoding") == "chunked";
    if (!reply_.chunked)
      contentLength_ =
          std::stoul(reply_.header("content-length").empty() ? "0" : reply_.header("content-length"));
  }

  RawReply& reply_;
  bool headDone_ = false;
  std::size_t contentLength_ = 0;
};

} // namespace

std::string RawReply::header(const std::string& lowerName) const {
  for (const auto& [name, value] : headers) {
    if (name == lowerName)
      return value;
  }
  return {};
}

std::string rawRequest(const std::string& method, const std::string& target, const std::string& body,
                       const std::vector<std::pair<std::string, std::string>>& headers) {
  std::string out = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (const auto& [name, value] : headers)
    out += name + ": " + value + "\r\n";
  out += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  return out;
}

RawReply rawExchange(std::uint16_t port, const std::string& request, std::chrono::milliseconds timeout) {
  RawReply reply;
  Poco::Net::StreamSocket socket(Poco::Net::SocketAddress("127.0.0.1", port));
  socket.setReceiveTimeout(
      Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(timeout).count()));
  reply.sent = Clock::now();
  socket.sendBytes(request.data(), static_cast<int>(request.size()));
  ReplyParser parser(reply);
  std::string buffer;
  char data[16384];
  while (true) {
    int received = 0;
    try {
      received = socket.receiveBytes(data, sizeof(data));
    } catch (const Poco::Net::ConnectionResetException&) {
      received = 0;
    }
    auto now = Clock::now();
    if (received <= 0) {
      reply.peerClosed = true;
      break;
    }
    buffer.append(data, static_cast<std::size_t>(received));
    if (parser.feed(buffer, now)) {
      reply.complete = true;
      break;
    }
  }
  reply.finished = Clock::now();
  socket.close();
  return reply;
}

} // namespace gatehouse::mock::test
