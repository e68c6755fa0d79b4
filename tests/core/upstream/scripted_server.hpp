// A raw HTTP/1.1 server on 127.0.0.1 for the upstream client's tests: each accepted
// connection runs the test's script in its own thread, so a test can answer, stall, cut,
// close idle connections or watch the client hang up, byte by byte.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace gatehouse::testing {

class ServerConnection {
public:
  ServerConnection(int fd, std::size_t index) : fd_(fd), index_(index) {}

  // Reads one request (head and Content-Length body); false when the client closed first.
  bool readRequest(std::string& head, std::string& body);
  bool readRequest() {
    std::string head, body;
    return readRequest(head, body);
  }
  void write(std::string_view bytes);
  // True when the client closes (or resets) the connection within `timeout`.
  bool waitForClose(std::chrono::milliseconds timeout);
  // 0 for the first connection the server accepted, then 1, ...
  std::size_t index() const { return index_; }

private:
  int fd_;
  std::size_t index_;
  std::string pending_;
};

class ScriptedServer {
public:
  using Script = std::function<void(ServerConnection&)>;

  // The connection is closed when the script returns.
  explicit ScriptedServer(Script script);
  ~ScriptedServer();
  ScriptedServer(const ScriptedServer&) = delete;
  ScriptedServer& operator=(const ScriptedServer&) = delete;

  std::uint16_t port() const { return port_; }
  std::string url(std::string_view path = "/") const {
    return "http://127.0.0.1:" + std::to_string(port_) + std::string(path);
  }
  std::size_t connections() const { return connections_.load(); }

private:
  void acceptLoop();

  Script script_;
  int listener_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<std::size_t> connections_{0};
  std::mutex mutex_;
  std::set<int> open_;
  std::vector<std::thread> workers_;
  std::thread acceptor_;
};

// A listening socket whose accept queue is full and never drained: a connect to it
// hangs until the client's connect timeout, the way an unreachable host behaves.
class FullBacklogListener {
public:
  FullBacklogListener();
  ~FullBacklogListener();
  FullBacklogListener(const FullBacklogListener&) = delete;
  FullBacklogListener& operator=(const FullBacklogListener&) = delete;
  std::uint16_t port() const { return port_; }

private:
  int listener_ = -1;
  std::uint16_t port_ = 0;
  std::vector<int> fillers_;
};

} // namespace gatehouse::testing
