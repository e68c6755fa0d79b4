#include <gatehouse/app/store_health.hpp>
#include <gatehouse/common/background_thread.hpp>

#include <exception>

namespace gatehouse::app {

StoreHealth::StoreHealth(Ping ping, std::chrono::milliseconds interval, std::chrono::milliseconds staleAfter)
    : ping_(std::move(ping)), interval_(interval), staleAfter_(staleAfter) {
  probe();
  thread_ = std::thread([this] { run(); });
}

StoreHealth::~StoreHealth() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
    wake_.notify_one();
  }
  thread_.join();
}

bool StoreHealth::check(std::string& why) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto silence = std::chrono::steady_clock::now() - lastAnswer_;
  if (silence > staleAfter_) {
    why = "the store has not answered for " +
          std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(silence).count()) + " ms";
    return false;
  }
  why = why_;
  return healthy_;
}

void StoreHealth::probe() {
  bool healthy = true;
  std::string why;
  try {
    ping_();
  } catch (const std::exception& e) {
    // StoreError messages name settings and tables, never values, so they may be shown.
    healthy = false;
    why = e.what();
  } catch (...) {
    healthy = false;
    why = "the store ping failed";
  }
  std::lock_guard<std::mutex> lock(mutex_);
  healthy_ = healthy;
  why_ = std::move(why);
  lastAnswer_ = std::chrono::steady_clock::now();
}

void StoreHealth::run() {
  nameCurrentThread("gh-store-health");
  std::unique_lock<std::mutex> lock(mutex_);
  while (!wake_.wait_for(lock, interval_, [&] { return stopping_; })) {
    lock.unlock();
    probe();
    lock.lock();
  }
}

} // namespace gatehouse::app
