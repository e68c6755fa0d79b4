#include <gatehouse/common/socket_wait.hpp>
#include <gatehouse/upstream/upstream_connection.hpp>

#include <Poco/Exception.h>
#include <Poco/Net/NetException.h>

#include <sys/socket.h>

namespace gatehouse {
namespace {

// Reads are this big: a whole TLS record, or many small stream events, per system call.
constexpr std::size_t kReadBytes = 32 * 1024;

std::string describe(const Poco::Exception& error) {
  // displayText() is "Class: message"; the message part (often strerror text) reads better.
  std::string text = error.message().empty() ? std::string(error.name()) : error.message();
  return text;
}

Poco::Timespan asTimespan(std::chrono::milliseconds wait) {
  // Zero would mean "wait forever" to the socket layer: the callers' deadlines never want that.
  const long long ms = wait.count() < 1 ? 1 : wait.count();
  return Poco::Timespan(static_cast<long>(ms / 1000), static_cast<long>((ms % 1000) * 1000));
}

} // namespace

UpstreamConnection::UpstreamConnection(Poco::Net::StreamSocket socket, bool tls)
    : socket_(std::move(socket)), tls_(tls), idleSince_(UpstreamClock::now()) {
  buffer_.reserve(kReadBytes);
}

UpstreamConnection::~UpstreamConnection() {
  close();
}

void UpstreamConnection::setReceiveTimeout(std::chrono::milliseconds wait) {
  // One system call each; skipped while the phase keeps asking for the same wait.
  if (wait != receiveTimeout_) {
    socket_.setReceiveTimeout(asTimespan(wait));
    receiveTimeout_ = wait;
  }
}

void UpstreamConnection::setSendTimeout(std::chrono::milliseconds wait) {
  if (wait != sendTimeout_) {
    socket_.setSendTimeout(asTimespan(wait));
    sendTimeout_ = wait;
  }
}

bool UpstreamConnection::send(std::string_view bytes, std::chrono::milliseconds wait) {
  try {
    setSendTimeout(wait);
    while (!bytes.empty()) {
      // MSG_NOSIGNAL: a peer that went away is an error here, not a SIGPIPE. (TLS writes go
      // through OpenSSL, which cannot pass it; the factory ignores SIGPIPE for those.)
      const int sent =
          socket_.sendBytes(bytes.data(), static_cast<int>(std::min<std::size_t>(bytes.size(), 1 << 30)),
                            tls_ ? 0 : MSG_NOSIGNAL);
      if (sent <= 0) {
        error_ = "connection closed";
        return false;
      }
      bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
  } catch (const Poco::TimeoutException&) {
    error_ = "timed out sending";
  } catch (const Poco::Exception& error) {
    error_ = describe(error);
  }
  return false;
}

UpstreamConnection::Read UpstreamConnection::fill(std::chrono::milliseconds wait) {
  if (wait.count() <= 0) {
    return Read::Timeout;
  }
  if (start_ == buffer_.size()) {
    buffer_.clear();
    start_ = 0;
  } else if (start_ > 0 && buffer_.capacity() - buffer_.size() < kReadBytes / 2) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
  const std::size_t used = buffer_.size();
  // resize() zero-fills the new tail: a cheap memset, traded for keeping a plain std::string.
  buffer_.resize(used + kReadBytes);
  try {
    // OpenSSL retries a read that hit the socket timeout by waiting once more, so for TLS
    // the wait happens here first (unless OpenSSL already holds decrypted bytes).
    if (tls_ && socket_.available() == 0 && !socket_.poll(asTimespan(wait), Poco::Net::Socket::SELECT_READ)) {
      buffer_.resize(used);
      return Read::Timeout;
    }
    setReceiveTimeout(wait);
    const int got = socket_.receiveBytes(buffer_.data() + used, static_cast<int>(kReadBytes));
    buffer_.resize(used + static_cast<std::size_t>(got > 0 ? got : 0));
    return got > 0 ? Read::Data : Read::End;
  } catch (const Poco::TimeoutException&) {
    buffer_.resize(used);
    return Read::Timeout;
  } catch (const Poco::Exception& error) {
    buffer_.resize(used);
    error_ = describe(error);
    return Read::Failed;
  }
}

void UpstreamConnection::consume(std::size_t bytes) {
  start_ += bytes;
}

bool UpstreamConnection::idleAndIntact() {
  if (!open_ || start_ != buffer_.size()) {
    return false;
  }
  try {
    // An idle pooled connection has nothing to read: anything readable is the server's close
    // (or stray bytes), and either way the connection is not fit for the next request.
    return waitReadable(socket_.impl()->sockfd(), std::chrono::milliseconds(0)) == SocketWait::TimedOut;
  } catch (const Poco::Exception&) {
    return false;
  }
}

Poco::Net::StreamSocket UpstreamConnection::release() {
  open_ = false;
  return socket_;
}

void UpstreamConnection::close() {
  if (!open_) {
    return;
  }
  open_ = false;
  try {
    socket_.close();
  } catch (const Poco::Exception&) {
    // Closing is best effort: the descriptor is released either way.
  }
}

} // namespace gatehouse
