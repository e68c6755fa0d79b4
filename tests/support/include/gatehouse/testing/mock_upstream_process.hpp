// A running gatehouse_mock_upstream for the lifetime of a test (or a test suite).
#pragma once

#include <gatehouse/testing/subprocess.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace gatehouse::testing {

struct MockUpstreamOptions {
  bool tls = false; // serve HTTPS with TestCerts::serverCertFile()
  // Each "KEY" (every provider) or "openai=KEY", "azure=KEY", "anthropic=KEY", "gemini=KEY".
  std::vector<std::string> expectKeys;
  bool record = true;
  std::vector<std::string> extraArgs; // e.g. {"--threads", "64"}
  std::chrono::milliseconds startTimeout{10000};
};

class MockUpstreamProcess {
public:
  // Starts the mock on 127.0.0.1 with port 0 and waits for its "listening" line. Throws
  // std::runtime_error when it does not come up.
  explicit MockUpstreamProcess(MockUpstreamOptions options = {});
  // SIGTERM, then SIGKILL if it has not exited within 5 s.
  ~MockUpstreamProcess();

  static std::string executable();

  const std::string& host() const { return host_; }
  std::uint16_t port() const { return port_; }
  bool tls() const { return tls_; }
  // "http://127.0.0.1:<port>" or "https://..."
  std::string baseUrl() const;
  Subprocess& process() { return *process_; }

private:
  std::unique_ptr<Subprocess> process_;
  std::string host_ = "127.0.0.1";
  std::uint16_t port_ = 0;
  bool tls_ = false;
};

} // namespace gatehouse::testing
