#include "scripted_server.hpp"

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

namespace gatehouse::testing {
namespace {

int listenOnLoopback(int backlog, std::uint16_t& port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(fd, backlog) != 0 || ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    throw std::runtime_error("cannot listen on 127.0.0.1");
  }
  port = ntohs(address.sin_port);
  return fd;
}

std::size_t contentLength(const std::string& head) {
  std::string lower = head;
  for (char& c : lower) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  const std::size_t at = lower.find("\r\ncontent-length:");
  return at == std::string::npos ? 0 : std::stoul(lower.substr(at + 17));
}

} // namespace

bool ServerConnection::readRequest(std::string& head, std::string& body) {
  char chunk[8192];
  std::size_t end;
  while ((end = pending_.find("\r\n\r\n")) == std::string::npos) {
    const ssize_t got = ::recv(fd_, chunk, sizeof chunk, 0);
    if (got <= 0) {
      return false;
    }
    pending_.append(chunk, static_cast<std::size_t>(got));
  }
  head = pending_.substr(0, end + 4);
  const std::size_t length = contentLength(head);
  while (pending_.size() < end + 4 + length) {
    const ssize_t got = ::recv(fd_, chunk, sizeof chunk, 0);
    if (got <= 0) {
      return false;
    }
    pending_.append(chunk, static_cast<std::size_t>(got));
  }
  body = pending_.substr(end + 4, length);
  pending_.erase(0, end + 4 + length);
  return true;
}

void ServerConnection::write(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent <= 0) {
      return;
    }
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
}

bool ServerConnection::waitForClose(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  char chunk[4096];
  while (std::chrono::steady_clock::now() < deadline) {
    pollfd waiting{fd_, POLLIN, 0};
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (::poll(&waiting, 1, static_cast<int>(std::max<long long>(1, left.count()))) <= 0) {
      continue;
    }
    const ssize_t got = ::recv(fd_, chunk, sizeof chunk, 0);
    if (got <= 0) {
      return true; // EOF or reset
    }
  }
  return false;
}

ScriptedServer::ScriptedServer(Script script) : script_(std::move(script)) {
  listener_ = listenOnLoopback(64, port_);
  acceptor_ = std::thread([this] { acceptLoop(); });
}

ScriptedServer::~ScriptedServer() {
  stopping_ = true;
  acceptor_.join();
  {
    std::lock_guard lock(mutex_);
    for (int fd : open_) {
      ::shutdown(fd, SHUT_RDWR);
    }
  }
  for (std::thread& worker : workers_) {
    worker.join();
  }
  ::close(listener_);
}

void ScriptedServer::acceptLoop() {
  while (!stopping_) {
    pollfd waiting{listener_, POLLIN, 0};
    if (::poll(&waiting, 1, 20) <= 0) {
      continue;
    }
    const int fd = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) {
      continue;
    }
    const std::size_t index = connections_++;
    std::lock_guard lock(mutex_);
    open_.insert(fd);
    workers_.emplace_back([this, fd, index] {
      ServerConnection connection(fd, index);
      script_(connection);
      {
        std::lock_guard done(mutex_);
        open_.erase(fd);
      }
      ::close(fd);
    });
  }
}

FullBacklogListener::FullBacklogListener() {
  // Backlog 0 still queues one connection on Linux; a few fillers make sure the queue is
  // full, after which new SYNs are dropped and a connect can only time out.
  listener_ = listenOnLoopback(0, port_);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(port_);
  for (int i = 0; i < 3; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    fillers_.push_back(fd);
  }
  // Give the handshakes of the fillers a moment to land in the queue.
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
}

FullBacklogListener::~FullBacklogListener() {
  for (int fd : fillers_) {
    ::close(fd);
  }
  ::close(listener_);
}

} // namespace gatehouse::testing
