// The log lines a plugin wrote through the FakeHost. Thread-safe, because a plugin may
// log from its own threads.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::testing {

struct LogLine {
  gh_log_level level;
  std::string message;
};

class LogCapture {
public:
  // Lines below `level` are dropped and log_enabled answers 0 for them. Default: debug.
  void setLevel(gh_log_level level) {
    std::lock_guard<std::mutex> lock(mutex_);
    level_ = level;
  }
  bool enabled(gh_log_level level) const {
    std::lock_guard<std::mutex> lock(mutex_);
    return level >= level_;
  }
  void write(gh_log_level level, std::string_view message) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (level >= level_) {
      lines_.push_back(LogLine{level, std::string(message)});
    }
  }

  std::vector<LogLine> lines() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return lines_;
  }
  bool contains(std::string_view text) const {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const LogLine& line : lines_) {
      if (line.message.find(text) != std::string::npos) {
        return true;
      }
    }
    return false;
  }

private:
  mutable std::mutex mutex_;
  gh_log_level level_ = GH_LOG_DEBUG;
  std::vector<LogLine> lines_;
};

} // namespace gatehouse::testing
