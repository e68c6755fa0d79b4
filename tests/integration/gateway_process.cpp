#include "gateway_process.hpp"

#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <signal.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace gatehouse::testing {
namespace {

constexpr std::string_view kListening = "listening on ";

std::string replaceConfig(std::string arg, const std::string& configPath) {
  const auto at = arg.find("{config}");
  if (at != std::string::npos)
    arg.replace(at, 8, configPath);
  return arg;
}

} // namespace

std::string TestConfig::json() const {
  return R"({
  "log_level": ")" +
         logLevel + R"(",
  "server": {"host": "127.0.0.1", "port": )" +
         std::to_string(port) + R"(, "threads": 8, "queue_size": 64,
             "keep_alive_timeout_seconds": 5, "max_body_bytes": )" +
         std::to_string(maxBodyBytes) + R"(,
             "shutdown_grace_seconds": )" +
         std::to_string(graceSeconds) + R"(},
  "storage": {"driver": "sqlite", "sqlite": {"path": ")" +
         sqlitePath + R"("}},
  "plugins": [{"name": "mock", "path": ")" +
         pluginPath + R"("})" + (extraPlugins.empty() ? "" : ", " + extraPlugins) + R"(],
  "providers": [{"name": "mock", "plugin": "mock",
                 "config": {"latency_ms": )" +
         std::to_string(latencyMs) + R"(, "chunks": )" + std::to_string(chunks) + R"(},
                 "models": [{"name": "mock-echo", "upstream_model": "echo-1", "aliases": ["gpt-4o-mock"]}])" +
         providerExtra + R"(}]
})";
}

std::vector<std::string> GatewayProcess::serveArgs() {
  return {"--config", "{config}", "--plugin-dir", GATEHOUSE_TEST_PLUGIN_DIR};
}

GatewayProcess::GatewayProcess(const std::string& configJson, std::vector<std::string> args,
                               const std::string& configFileName) {
  std::string pattern = (std::filesystem::temp_directory_path() / "gatehouse-it-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr)
    throw std::runtime_error("mkdtemp failed");
  workDir_ = pattern;
  configPath_ = workDir_ + "/" + configFileName;
  std::ofstream(configPath_) << configJson;

  std::vector<std::string> argv{GATEHOUSE_BINARY};
  for (auto& arg : args)
    argv.push_back(replaceConfig(std::move(arg), configPath_));
  std::vector<char*> rawArgv;
  for (auto& arg : argv)
    rawArgv.push_back(arg.data());
  rawArgv.push_back(nullptr);

  int out[2];
  int err[2];
  if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0)
    throw std::runtime_error("pipe failed");
  pid_ = fork();
  if (pid_ < 0)
    throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    // Child: only async-signal-safe calls until exec.
    dup2(out[1], STDOUT_FILENO);
    dup2(err[1], STDERR_FILENO);
    if (chdir(workDir_.c_str()) != 0)
      _exit(126);
    execv(rawArgv[0], rawArgv.data());
    _exit(127);
  }
  close(out[1]);
  close(err[1]);
  stdoutReader_ = std::thread([this, fd = out[0]] { readPipe(fd, false); });
  stderrReader_ = std::thread([this, fd = err[0]] { readPipe(fd, true); });
}

GatewayProcess::~GatewayProcess() {
  if (!exitCode_ && pid_ > 0) {
    kill(pid_, SIGKILL);
    waitForExit(std::chrono::seconds(10));
  }
  if (stdoutReader_.joinable())
    stdoutReader_.join();
  if (stderrReader_.joinable())
    stderrReader_.join();
  std::error_code ignored;
  std::filesystem::remove_all(workDir_, ignored);
}

void GatewayProcess::readPipe(int fd, bool isStderr) {
  char block[4096];
  std::string partial;
  for (;;) {
    const ssize_t got = read(fd, block, sizeof block);
    if (got <= 0)
      break;
    std::lock_guard<std::mutex> lock(mutex_);
    all_.append(block, static_cast<std::size_t>(got));
    if (!isStderr) {
      stdout_.append(block, static_cast<std::size_t>(got));
    } else {
      partial.append(block, static_cast<std::size_t>(got));
      for (auto end = partial.find('\n'); end != std::string::npos; end = partial.find('\n')) {
        stderrLines_.push_back(partial.substr(0, end));
        partial.erase(0, end + 1);
      }
    }
    changed_.notify_all();
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (isStderr && !partial.empty())
    stderrLines_.push_back(partial);
  ++closedPipes_;
  close(fd);
  changed_.notify_all();
}

bool GatewayProcess::waitForOutput(const std::string& text, std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(mutex_);
  return changed_.wait_for(lock, timeout, [&] { return all_.find(text) != std::string::npos; });
}

std::uint16_t GatewayProcess::waitUntilListening(std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    for (const std::string& line : stderrLines_) {
      const auto at = line.find(kListening);
      if (at == std::string::npos)
        continue;
      const auto colon = line.rfind(':');
      return static_cast<std::uint16_t>(std::stoi(line.substr(colon + 1)));
    }
    if (closedPipes_ == 2)
      return 0;
    if (changed_.wait_until(lock, deadline) == std::cv_status::timeout)
      return 0;
  }
}

void GatewayProcess::sendSignal(int signal) const {
  if (pid_ > 0 && !exitCode_)
    kill(pid_, signal);
}

std::optional<int> GatewayProcess::waitForExit(std::chrono::milliseconds timeout) {
  if (exitCode_)
    return exitCode_;
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    int status = 0;
    const pid_t done = waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      exitCode_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      // Its last words may still sit in the pipes: let the readers collect them.
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait_until(lock, deadline + std::chrono::seconds(5), [this] { return closedPipes_ == 2; });
      return exitCode_;
    }
    if (std::chrono::steady_clock::now() >= deadline)
      return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
}

std::string GatewayProcess::output() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return all_;
}

std::vector<std::string> GatewayProcess::stderrLines() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stderrLines_;
}

std::string GatewayProcess::stdoutText() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stdout_;
}

} // namespace gatehouse::testing
