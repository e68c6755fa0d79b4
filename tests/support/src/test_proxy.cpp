#include <gatehouse/testing/test_proxy.hpp>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <string_view>
#include <sys/socket.h>
#include <unistd.h>

namespace gatehouse::testing {
namespace {

bool sendAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t sent = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
    if (sent <= 0) {
      if (sent < 0 && errno == EINTR) {
        continue;
      }
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(sent));
  }
  return true;
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return out;
}

// Reads until the end of the request head; what came after it stays in `head` too.
bool readHead(int fd, std::string& head, std::size_t& headEnd) {
  char chunk[4096];
  while ((headEnd = head.find("\r\n\r\n")) == std::string::npos) {
    if (head.size() > 64 * 1024) {
      return false;
    }
    const ssize_t got = ::recv(fd, chunk, sizeof chunk, 0);
    if (got <= 0) {
      return false;
    }
    head.append(chunk, static_cast<std::size_t>(got));
  }
  headEnd += 4;
  return true;
}

int connectLoopback(const std::string& hostPort) {
  const std::size_t colon = hostPort.rfind(':');
  if (colon == std::string::npos) {
    return -1;
  }
  const std::string host = hostPort.substr(0, colon);
  if (host != "127.0.0.1" && host != "localhost") {
    return -1; // a test proxy never reaches beyond this machine
  }
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(std::stoi(hostPort.substr(colon + 1))));
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

constexpr std::string_view kForbidden =
    "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

} // namespace

TestProxy::TestProxy(std::string requiredAuthorization)
    : requiredAuthorization_(std::move(requiredAuthorization)) {
  listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listener_, 64) != 0 ||
      ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (listener_ >= 0) {
      ::close(listener_);
    }
    throw std::runtime_error("test proxy: cannot listen on 127.0.0.1");
  }
  port_ = ntohs(address.sin_port);
  acceptor_ = std::thread([this] { acceptLoop(); });
}

TestProxy::~TestProxy() {
  stopping_ = true;
  acceptor_.join();
  {
    std::lock_guard lock(mutex_);
    for (int fd : open_) {
      ::shutdown(fd, SHUT_RDWR); // wakes the workers blocked on these sockets
    }
  }
  for (std::thread& worker : workers_) {
    worker.join();
  }
  ::close(listener_);
}

std::vector<ProxiedRequest> TestProxy::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

int TestProxy::track(int fd) {
  std::lock_guard lock(mutex_);
  if (fd >= 0) {
    open_.insert(fd);
  }
  return fd;
}

void TestProxy::untrack(int fd) {
  if (fd < 0) {
    return;
  }
  {
    std::lock_guard lock(mutex_);
    open_.erase(fd);
  }
  ::close(fd);
}

void TestProxy::acceptLoop() {
  while (!stopping_) {
    pollfd waiting{listener_, POLLIN, 0};
    if (::poll(&waiting, 1, 20) <= 0) {
      continue;
    }
    const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) {
      continue;
    }
    ++connections_;
    track(client);
    std::lock_guard lock(mutex_);
    workers_.emplace_back([this, client] { serve(client); });
  }
}

void TestProxy::serve(int client) {
  std::string head;
  std::size_t headEnd = 0;
  if (!readHead(client, head, headEnd)) {
    untrack(client);
    return;
  }
  const std::size_t lineEnd = head.find("\r\n");
  const std::string line = head.substr(0, lineEnd);
  const std::size_t firstSpace = line.find(' ');
  const std::size_t secondSpace = line.find(' ', firstSpace + 1);
  ProxiedRequest seen;
  seen.method = line.substr(0, firstSpace);
  seen.target = line.substr(firstSpace + 1, secondSpace - firstSpace - 1);
  // Header lines without Proxy-Authorization and Connection: those are for the proxy.
  std::string forwardedHeaders;
  for (std::size_t at = lineEnd + 2; at < headEnd - 2;) {
    const std::size_t end = head.find("\r\n", at);
    const std::string field = head.substr(at, end - at);
    at = end + 2;
    const std::size_t colon = field.find(':');
    const std::string name = lower(field.substr(0, colon));
    if (name == "proxy-authorization") {
      seen.proxyAuthorization = field.substr(field.find_first_not_of(' ', colon + 1));
    } else if (name != "connection") {
      forwardedHeaders.append(field).append("\r\n");
    }
  }
  {
    std::lock_guard lock(mutex_);
    requests_.push_back(seen);
  }
  if (!requiredAuthorization_.empty() && seen.proxyAuthorization != requiredAuthorization_) {
    sendAll(client,
            "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"test\"\r\n"
            "Content-Length: 0\r\nConnection: close\r\n\r\n");
    untrack(client);
    return;
  }
  if (seen.method == "CONNECT") {
    const int upstream = track(connectLoopback(seen.target));
    if (upstream < 0) {
      sendAll(client, kForbidden);
      untrack(client);
      return;
    }
    sendAll(client, "HTTP/1.1 200 Connection established\r\n\r\n");
    tunnel(client, upstream);
    return;
  }
  constexpr std::string_view kHttp = "http://";
  const std::size_t pathStart = seen.target.find('/', kHttp.size());
  const int upstream =
      seen.target.rfind(kHttp, 0) == 0
          ? track(connectLoopback(seen.target.substr(kHttp.size(), pathStart - kHttp.size())))
          : -1;
  if (upstream < 0) {
    sendAll(client, kForbidden);
    untrack(client);
    return;
  }
  // One request per client connection: the upstream closes after answering it.
  const std::string path = pathStart == std::string::npos ? "/" : seen.target.substr(pathStart);
  sendAll(upstream, seen.method + " " + path + " HTTP/1.1\r\n" + forwardedHeaders +
                        "Connection: close\r\n\r\n" + head.substr(headEnd));
  tunnel(client, upstream);
}

void TestProxy::tunnel(int client, int upstream) {
  pollfd fds[2] = {{client, POLLIN, 0}, {upstream, POLLIN, 0}};
  char chunk[16 * 1024];
  bool open = true;
  while (open && !stopping_) {
    if (::poll(fds, 2, 50) <= 0) {
      continue;
    }
    for (int i = 0; i < 2 && open; ++i) {
      if (fds[i].revents == 0) {
        continue;
      }
      const ssize_t got = ::recv(fds[i].fd, chunk, sizeof chunk, 0);
      open = got > 0 && sendAll(fds[1 - i].fd, std::string_view(chunk, static_cast<std::size_t>(got)));
    }
  }
  untrack(upstream);
  untrack(client);
}

} // namespace gatehouse::testing
