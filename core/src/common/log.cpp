#include <gatehouse/common/log.hpp>
#include <gatehouse/common/secret_redactor.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>

namespace gatehouse::log {
namespace {

std::atomic<int> currentLevel{static_cast<int>(Level::Info)};
std::mutex writeMutex;

const char* levelName(Level level) {
  switch (level) {
  case Level::Debug: return "debug";
  case Level::Info: return "info";
  case Level::Warn: return "warn";
  case Level::Error: return "error";
  }
  return "?";
}

} // namespace

void setLevel(Level newLevel) { currentLevel.store(static_cast<int>(newLevel), std::memory_order_relaxed); }
Level level() { return static_cast<Level>(currentLevel.load(std::memory_order_relaxed)); }
bool enabled(Level at) { return static_cast<int>(at) >= currentLevel.load(std::memory_order_relaxed); }

bool parseLevel(std::string_view text, Level& out) {
  if (text == "debug") out = Level::Debug;
  else if (text == "info") out = Level::Info;
  else if (text == "warn") out = Level::Warn;
  else if (text == "error") out = Level::Error;
  else return false;
  return true;
}

void write(Level at, std::string_view component, std::string_view message) {
  const auto now = std::chrono::system_clock::now();
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  const std::time_t seconds = static_cast<std::time_t>(millis / 1000);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char stamp[64];
  std::snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(millis % 1000));
  // Build the whole line first so one write() call emits it and lines never interleave.
  std::string line;
  line.reserve(64 + component.size() + message.size());
  line.append(stamp).append(" ").append(levelName(at)).append(" ");
  line.append(component).append(": ").append(message).append("\n");
  secrets::redact(line);
  std::lock_guard<std::mutex> lock(writeMutex);
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

} // namespace gatehouse::log
