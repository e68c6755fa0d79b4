#include "response_writer.hpp"

#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <algorithm>
#include <cstdio>
#include <thread>

#include "reason_phrase.hpp"

namespace gatehouse::mock {
namespace {

constexpr std::size_t kSlowBodyPieces = 4;

} // namespace

ResponseWriter::ResponseWriter(Poco::Net::StreamSocket& socket, bool tls, bool keepAlive)
    : socket_(socket), tls_(tls), keepAlive_(keepAlive) {
}

void ResponseWriter::beginResponse() {
  pause(scenario_.stall);
  if (scenario_.reset)
    resetConnection();
}

std::string ResponseWriter::head(int status, std::string_view contentType, const HeaderList& headers,
                                 std::optional<std::size_t> contentLength) const {
  std::string out;
  out.reserve(256);
  out += "HTTP/1.1 ";
  out += std::to_string(status);
  out += ' ';
  out += reasonPhrase(status);
  out += "\r\nContent-Type: ";
  out += contentType;
  out += "\r\n";
  for (const auto& [name, value] : headers) {
    out += name;
    out += ": ";
    out += value;
    out += "\r\n";
  }
  if (contentLength) {
    out += "Content-Length: ";
    out += std::to_string(*contentLength);
    out += "\r\n";
  } else {
    out += "Transfer-Encoding: chunked\r\n";
  }
  if (!keepAlive_)
    out += "Connection: close\r\n";
  out += "\r\n";
  return out;
}

void ResponseWriter::send(int status, std::string_view contentType, std::string_view body,
                          const HeaderList& headers) {
  beginResponse();
  mode_ = Mode::Done;
  auto out = head(status, contentType, headers, body.size());
  auto limit = scenario_.cutAfter ? std::min(*scenario_.cutAfter, body.size()) : body.size();
  bool cut = limit < body.size();
  if (scenario_.slowBody.count() == 0) {
    // Head and body in one write: the common case should cost one syscall.
    out.append(body.substr(0, limit));
    sendAll(out);
  } else {
    sendAll(out);
    std::size_t pieceSize = std::max<std::size_t>(1, (body.size() + kSlowBodyPieces - 1) / kSlowBodyPieces);
    for (std::size_t offset = 0; offset < limit; offset += pieceSize) {
      pause(scenario_.slowBody);
      sendAll(body.substr(offset, std::min(pieceSize, limit - offset)));
    }
  }
  if (cut)
    cutConnection();
}

void ResponseWriter::startEvents(int status, std::string_view contentType, const HeaderList& headers) {
  beginResponse();
  sendAll(head(status, contentType, headers, std::nullopt));
  mode_ = Mode::Events;
}

void ResponseWriter::event(std::string_view framedEvent) {
  if (scenario_.cutAfter && eventsSent_ >= *scenario_.cutAfter)
    cutConnection();
  if (eventsSent_ > 0)
    pause(scenario_.drip);
  sendChunk(framedEvent);
  ++eventsSent_;
}

void ResponseWriter::startBytes(int status, std::string_view contentType, const HeaderList& headers) {
  beginResponse();
  sendAll(head(status, contentType, headers, std::nullopt));
  mode_ = Mode::Bytes;
}

void ResponseWriter::bytes(std::string_view piece) {
  if (bytesSent_ > 0)
    pause(scenario_.drip);
  if (scenario_.cutAfter && bytesSent_ + piece.size() > *scenario_.cutAfter) {
    auto allowed = *scenario_.cutAfter - bytesSent_;
    if (allowed > 0)
      sendChunk(piece.substr(0, allowed));
    cutConnection();
  }
  sendChunk(piece);
  bytesSent_ += piece.size();
}

void ResponseWriter::finish() {
  if (mode_ == Mode::Done || mode_ == Mode::Idle)
    return;
  auto sent = mode_ == Mode::Events ? eventsSent_ : bytesSent_;
  if (scenario_.cutAfter && sent >= *scenario_.cutAfter)
    cutConnection();
  mode_ = Mode::Done;
  sendAll("0\r\n\r\n");
}

void ResponseWriter::sendChunk(std::string_view payload) {
  if (payload.empty())
    return; // an empty chunk would end the body
  char size[20];
  int sizeLength = std::snprintf(size, sizeof(size), "%zx\r\n", payload.size());
  std::string frame;
  frame.reserve(static_cast<std::size_t>(sizeLength) + payload.size() + 2);
  frame.append(size, static_cast<std::size_t>(sizeLength));
  frame.append(payload);
  frame.append("\r\n");
  sendAll(frame);
}

void ResponseWriter::sendAll(std::string_view data) {
  while (!data.empty()) {
    int sent = socket_.sendBytes(data.data(), static_cast<int>(data.size()));
    if (sent <= 0)
      throw ConnectionCut{};
    data.remove_prefix(static_cast<std::size_t>(sent));
  }
}

void ResponseWriter::pause(std::chrono::milliseconds delay) const {
  if (delay.count() > 0)
    std::this_thread::sleep_for(delay);
}

void ResponseWriter::cutConnection() {
  mode_ = Mode::Done;
  keepAlive_ = false;
  try {
    // A TCP shutdown without TLS close_notify: the client sees the body end early, which
    // is what a dropped upstream looks like. Bytes already written still arrive, unlike
    // with an RST, so tests can count them.
    if (tls_)
      Poco::Net::SecureStreamSocket(socket_).abort();
    else
      socket_.shutdown();
  } catch (...) {
    // The peer may already be gone; the connection is over either way.
  }
  throw ConnectionCut{};
}

void ResponseWriter::resetConnection() {
  mode_ = Mode::Done;
  keepAlive_ = false;
  try {
    socket_.setLinger(true, 0);
    if (tls_)
      Poco::Net::SecureStreamSocket(socket_).abort();
    socket_.close();
  } catch (...) {
    // Already closed by the peer: nothing left to reset.
  }
  throw ConnectionCut{};
}

} // namespace gatehouse::mock
