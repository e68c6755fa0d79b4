// A small forward HTTP proxy for tests, in-process and loopback-only: absolute-form
// requests for plain http:// upstreams and CONNECT tunnels for https:// ones. It records
// what it was asked, so a test can check the target and the Proxy-Authorization sent.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace gatehouse::testing {

struct ProxiedRequest {
  std::string method;             // "CONNECT", "POST", ...
  std::string target;             // "127.0.0.1:443" for CONNECT, else the absolute URL
  std::string proxyAuthorization; // the header's value; empty when absent
};

class TestProxy {
public:
  // With `requiredAuthorization` set (e.g. "Basic dTpw"), any other Proxy-Authorization
  // value gets 407. Targets other than 127.0.0.1 and localhost get 403. Throws
  // std::runtime_error when it cannot listen.
  explicit TestProxy(std::string requiredAuthorization = "");
  ~TestProxy();
  TestProxy(const TestProxy&) = delete;
  TestProxy& operator=(const TestProxy&) = delete;

  std::uint16_t port() const { return port_; }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::vector<ProxiedRequest> requests() const;
  // Client connections accepted so far.
  std::size_t connections() const { return connections_.load(); }

private:
  void acceptLoop();
  void serve(int client);
  void tunnel(int client, int upstream);
  int track(int fd);
  void untrack(int fd);

  std::string requiredAuthorization_;
  int listener_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<std::size_t> connections_{0};
  mutable std::mutex mutex_;
  std::vector<ProxiedRequest> requests_;
  std::set<int> open_;
  std::vector<std::thread> workers_;
  std::thread acceptor_;
};

} // namespace gatehouse::testing
