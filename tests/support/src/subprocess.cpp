#include <gatehouse/testing/subprocess.hpp>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>
#include <system_error>
#include <unistd.h>

extern char** environ;

namespace gatehouse::testing {
namespace {

constexpr int kPollMillis = 50;
constexpr std::chrono::milliseconds kDrainAfterExit{200};

std::vector<std::string> childEnvironment(const SubprocessOptions& options) {
  std::vector<std::string> env;
  env.reserve(64 + options.env.size());
  if (options.inheritEnvironment) {
    for (char** entry = environ; *entry; ++entry)
      env.emplace_back(*entry);
  }
  for (const auto& [name, value] : options.env) {
    auto prefix = name + "=";
    std::erase_if(env, [&](const std::string& e) { return e.compare(0, prefix.size(), prefix) == 0; });
    env.push_back(prefix + value);
  }
  return env;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings)
    out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

} // namespace

Subprocess::Subprocess(SubprocessOptions options) {
  int outPipe[2];
  int errPipe[2];
  if (pipe2(outPipe, O_CLOEXEC) != 0)
    throw std::runtime_error(std::string("pipe: ") + std::generic_category().message(errno));
  if (pipe2(errPipe, O_CLOEXEC) != 0) {
    close(outPipe[0]);
    close(outPipe[1]);
    throw std::runtime_error(std::string("pipe: ") + std::generic_category().message(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, outPipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, errPipe[1], STDERR_FILENO);

  std::vector<std::string> argv{options.program};
  argv.insert(argv.end(), options.args.begin(), options.args.end());
  auto env = childEnvironment(options);
  auto argvPointers = pointers(argv);
  auto envPointers = pointers(env);
  bool searchPath = options.program.find('/') == std::string::npos;
  int error = searchPath ? posix_spawnp(&pid_, options.program.c_str(), &actions, nullptr,
                                        argvPointers.data(), envPointers.data())
                         : posix_spawn(&pid_, options.program.c_str(), &actions, nullptr, argvPointers.data(),
                                       envPointers.data());
  posix_spawn_file_actions_destroy(&actions);
  close(outPipe[1]);
  close(errPipe[1]);
  if (error != 0) {
    close(outPipe[0]);
    close(errPipe[0]);
    throw std::runtime_error("cannot start " + options.program + ": " +
                             std::generic_category().message(error));
  }
  stdout_.fd = outPipe[0];
  stderr_.fd = errPipe[0];
  stdout_.reader = std::thread([this] { readLoop(stdout_); });
  stderr_.reader = std::thread([this] { readLoop(stderr_); });
}

Subprocess::~Subprocess() {
  if (!exit_) {
    kill(pid_, SIGKILL);
    reap(true);
  }
  {
    // A grandchild may still hold the pipes open; collect what is there, then stop.
    std::lock_guard lock(mutex_);
    stopReadersAt_ = std::chrono::steady_clock::now() + kDrainAfterExit;
  }
  for (auto* c : {&stdout_, &stderr_}) {
    if (c->reader.joinable())
      c->reader.join();
    close(c->fd);
  }
}

void Subprocess::readLoop(Capture& capture) {
  std::string partial;
  char buffer[4096];
  auto finish = [&] {
    std::lock_guard lock(mutex_);
    if (!partial.empty())
      capture.lines.push_back(partial);
    capture.closed = true;
    lineArrived_.notify_all();
  };
  while (true) {
    pollfd ready{capture.fd, POLLIN, 0};
    int polled = poll(&ready, 1, kPollMillis);
    if (polled == 0) {
      std::lock_guard lock(mutex_);
      if (stopReadersAt_ && std::chrono::steady_clock::now() >= *stopReadersAt_)
        break;
      continue;
    }
    if (polled < 0 && errno == EINTR)
      continue;
    auto count = polled < 0 ? -1 : read(capture.fd, buffer, sizeof(buffer));
    if (count < 0 && errno == EINTR)
      continue;
    if (count <= 0)
      break;
    std::lock_guard lock(mutex_);
    partial.append(buffer, static_cast<std::size_t>(count));
    std::size_t newline;
    while ((newline = partial.find('\n')) != std::string::npos) {
      auto line = partial.substr(0, newline);
      if (!line.empty() && line.back() == '\r')
        line.pop_back();
      capture.lines.push_back(std::move(line));
      partial.erase(0, newline + 1);
    }
    lineArrived_.notify_all();
  }
  finish();
}

std::optional<std::string> Subprocess::waitForLine(OutputStream stream, std::string_view prefix,
                                                   std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  const auto& c = capture(stream);
  std::size_t checked = 0;
  std::optional<std::string> found;
  auto ready = [&] {
    for (; checked < c.lines.size(); ++checked) {
      if (c.lines[checked].compare(0, prefix.size(), prefix) == 0) {
        found = c.lines[checked];
        return true;
      }
    }
    return c.closed;
  };
  lineArrived_.wait_for(lock, timeout, ready);
  return found;
}

std::vector<std::string> Subprocess::lines(OutputStream stream) const {
  std::lock_guard lock(mutex_);
  return capture(stream).lines;
}

void Subprocess::sendSignal(int signal) {
  if (!exit_)
    kill(pid_, signal);
}

bool Subprocess::reap(bool block) {
  int status = 0;
  pid_t result;
  do {
    result = waitpid(pid_, &status, block ? 0 : WNOHANG);
  } while (result < 0 && errno == EINTR);
  if (result != pid_)
    return false;
  ProcessExit exit;
  exit.exited = WIFEXITED(status);
  exit.code = exit.exited ? WEXITSTATUS(status) : 0;
  exit.signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  exit_ = exit;
  return true;
}

std::optional<ProcessExit> Subprocess::waitForExit(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  // waitpid has no timeout; polling every few milliseconds is plenty for tests.
  while (!exit_ && !reap(false)) {
    if (std::chrono::steady_clock::now() >= deadline)
      return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  // Let the readers reach end of stream, so lines() holds everything the child wrote.
  std::unique_lock lock(mutex_);
  lineArrived_.wait_for(lock, kDrainAfterExit, [this] { return stdout_.closed && stderr_.closed; });
  return exit_;
}

bool Subprocess::running() {
  return !exit_ && !reap(false);
}

} // namespace gatehouse::testing
