// Runs a helper program (the mock upstream, the gateway itself) from a test: captures its
// stdout and stderr line by line, waits for a line, signals it, waits for it to exit.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <sys/types.h>
#include <thread>
#include <utility>
#include <vector>

namespace gatehouse::testing {

enum class OutputStream { Stdout, Stderr };

struct ProcessExit {
  bool exited = false; // true: ended through exit(); `code` holds the status
  int code = 0;
  int signal = 0; // the signal that killed it when !exited
};

struct SubprocessOptions {
  std::string program;           // a path; without a '/', looked up in PATH
  std::vector<std::string> args; // after argv[0]
  // Added to the parent's environment (or replacing a variable of the same name).
  std::vector<std::pair<std::string, std::string>> env;
  bool inheritEnvironment = true;
};

// The child runs with stdin from /dev/null. Destroying a Subprocess whose child still runs
// kills it with SIGKILL and reaps it, so a failing test never leaks the child. Signals go
// to the child's pid only: a shell script's own children are the script's business.
class Subprocess {
public:
  // Throws std::runtime_error when the program cannot be started.
  explicit Subprocess(SubprocessOptions options);
  ~Subprocess();
  Subprocess(const Subprocess&) = delete;
  Subprocess& operator=(const Subprocess&) = delete;

  pid_t pid() const { return pid_; }

  // The first line (already received or arriving before the timeout) that starts with
  // `prefix`; nullopt on timeout or when the stream closed without one.
  std::optional<std::string> waitForLine(OutputStream stream, std::string_view prefix,
                                         std::chrono::milliseconds timeout);
  // Every complete line so far (and a last unterminated one once the stream closed).
  std::vector<std::string> lines(OutputStream stream) const;

  // No effect once the child has been reaped.
  void sendSignal(int signal);
  // nullopt when the child is still running after `timeout`. Once it returns an exit,
  // lines() holds all the child wrote (unless a grandchild keeps the pipes open).
  std::optional<ProcessExit> waitForExit(std::chrono::milliseconds timeout);
  bool running();

private:
  struct Capture {
    int fd = -1;
    std::vector<std::string> lines;
    bool closed = false;
    std::thread reader;
  };

  void readLoop(Capture& capture);
  Capture& capture(OutputStream stream) { return stream == OutputStream::Stdout ? stdout_ : stderr_; }
  const Capture& capture(OutputStream stream) const {
    return stream == OutputStream::Stdout ? stdout_ : stderr_;
  }
  bool reap(bool block);

  pid_t pid_ = -1;
  std::optional<ProcessExit> exit_;
  // Set when the Subprocess is destroyed: readers stop at this time even without end of
  // stream, since a grandchild that inherited the pipes may keep them open.
  std::optional<std::chrono::steady_clock::time_point> stopReadersAt_;
  mutable std::mutex mutex_;
  std::condition_variable lineArrived_;
  Capture stdout_;
  Capture stderr_;
};

} // namespace gatehouse::testing
