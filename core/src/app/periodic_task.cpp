#include <gatehouse/app/periodic_task.hpp>
#include <gatehouse/common/background_thread.hpp>

namespace gatehouse::app {

PeriodicTask::PeriodicTask(std::string name, std::function<void()> task, std::chrono::milliseconds interval)
    : name_(std::move(name)), task_(std::move(task)), interval_(interval) {
}

PeriodicTask::~PeriodicTask() {
  stop();
}

void PeriodicTask::start() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (thread_.joinable())
    return;
  stopping_ = false;
  thread_ = std::thread([this] { run(); });
}

void PeriodicTask::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable())
    thread_.join();
}

void PeriodicTask::run() {
  nameCurrentThread(name_);
  setCurrentThreadNice(kBackgroundThreadNice);
  std::unique_lock<std::mutex> lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [this] { return stopping_; })) {
    lock.unlock();
    task_();
    lock.lock();
  }
}

} // namespace gatehouse::app
