// Runs the real `gatehouse` executable for integration tests: writes its config into a
// fresh temporary directory, starts it, collects its output, waits for the
// "listening on host:port" line and reads the port back (configs use port 0).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <sys/types.h>
#include <thread>
#include <vector>

namespace gatehouse::testing {

// A config for the mock provider on port 0. Knobs the tests need; the rest default.
struct TestConfig {
  int latencyMs = 0;
  int chunks = 4;
  int graceSeconds = 10;
  std::size_t maxBodyBytes = 64 * 1024;
  int port = 0;
  std::string pluginPath = "libgatehouse_provider_mock.so";
  std::string logLevel = "info";
  std::string sqlitePath = ":memory:"; // relative: next to the config, in the temp dir
  std::string extraPlugins;            // JSON objects appended to "plugins", e.g. a billing plugin
  std::string providerExtra;           // members appended to the provider, e.g. R"(, "upstream": {...})"

  std::string json() const;
};

class GatewayProcess {
public:
  // Writes `configJson` into a fresh temp dir and starts `gatehouse <args>` there (the
  // temp dir is its working directory). "{config}" in an argument becomes the config's path.
  GatewayProcess(const std::string& configJson, std::vector<std::string> args,
                 const std::string& configFileName = "test-config.json");
  // Kills (SIGKILL) and reaps the process if it still runs, and removes the temp dir.
  ~GatewayProcess();
  GatewayProcess(const GatewayProcess&) = delete;
  GatewayProcess& operator=(const GatewayProcess&) = delete;

  // The usual way to serve: --config {config} --plugin-dir <the build's plugin dir>.
  static std::vector<std::string> serveArgs();

  // Waits for "listening on"; returns the port, or 0 if the process ended or timed out.
  std::uint16_t waitUntilListening(std::chrono::milliseconds timeout = std::chrono::seconds(20));
  // True once an output line containing `text` was seen (within the timeout).
  bool waitForOutput(const std::string& text, std::chrono::milliseconds timeout);

  void sendSignal(int signal) const;
  // The exit code (128 + signal when killed by one), or nullopt on timeout.
  std::optional<int> waitForExit(std::chrono::milliseconds timeout);

  std::string output() const; // everything written to stdout and stderr so far
  std::vector<std::string> stderrLines() const;
  std::string stdoutText() const;
  const std::string& workDir() const { return workDir_; }
  const std::string& configPath() const { return configPath_; }
  pid_t pid() const { return pid_; }

private:
  void readPipe(int fd, bool isStderr);

  std::string workDir_;
  std::string configPath_;
  pid_t pid_ = -1;
  std::optional<int> exitCode_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::string> stderrLines_;
  std::string stdout_;
  std::string all_;
  int closedPipes_ = 0; // 2 once the process closed stdout and stderr (it ended)
  std::thread stdoutReader_;
  std::thread stderrReader_;
};

} // namespace gatehouse::testing
