// Runs a function every interval on its own thread until stopped (e.g. deleting expired
// sessions once a minute). Stopping wakes the thread at once instead of waiting out the
// interval, so shutdown is never delayed by it. The thread carries `name` and runs at
// background niceness (background_thread.hpp): what it does can always wait for requests.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace gatehouse::app {

class PeriodicTask {
public:
  // `task` must not throw (wrap it); it first runs one interval after start().
  PeriodicTask(std::string name, std::function<void()> task, std::chrono::milliseconds interval);
  ~PeriodicTask(); // stops
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

  void start();
  // Waits for a run in progress to finish. Idempotent.
  void stop();

private:
  void run();

  std::string name_;
  std::function<void()> task_;
  std::chrono::milliseconds interval_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

} // namespace gatehouse::app
