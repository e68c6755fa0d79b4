#include <gatehouse/store/mysql_pool.hpp>
#include <gatehouse/store/store_error.hpp>

namespace gatehouse::store {

MysqlPool::Lease::Lease(MysqlPool& pool, std::unique_ptr<MysqlConnection> connection)
    : pool_(&pool), connection_(std::move(connection)) {
}

MysqlPool::Lease::Lease(Lease&& other) noexcept
    : pool_(other.pool_), connection_(std::move(other.connection_)) {
}

MysqlPool::Lease::~Lease() {
  if (connection_)
    pool_->giveBack(std::move(connection_));
}

void MysqlPool::Lease::discard() {
  if (!connection_)
    return;
  connection_.reset(); // closes the socket without holding the pool's lock
  pool_->forget();
}

MysqlPool::MysqlPool(MysqlSettings settings) : settings_(std::move(settings)) {
}

MysqlPool::Lease MysqlPool::borrow() {
  std::unique_lock<std::mutex> lock(mutex_);
  const auto deadline = std::chrono::steady_clock::now() + settings_.borrowTimeout;
  for (;;) {
    if (!idle_.empty()) {
      std::unique_ptr<MysqlConnection> connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(connection));
    }
    if (open_ < settings_.poolSize) {
      ++open_; // reserve the slot, then connect without the lock: connecting is a network round trip
      lock.unlock();
      try {
        return Lease(*this, std::make_unique<MysqlConnection>(settings_));
      } catch (...) {
        forget();
        throw;
      }
    }
    if (changed_.wait_until(lock, deadline) == std::cv_status::timeout && idle_.empty() &&
        open_ >= settings_.poolSize) {
      throw StoreError(StoreError::Kind::Unavailable, "no MySQL connection became free within " +
                                                          std::to_string(settings_.borrowTimeout.count()) +
                                                          " ms (storage.mysql.pool_size is " +
                                                          std::to_string(settings_.poolSize) + ")");
    }
  }
}

void MysqlPool::giveBack(std::unique_ptr<MysqlConnection> connection) {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(connection));
  changed_.notify_one();
}

void MysqlPool::forget() {
  std::lock_guard<std::mutex> lock(mutex_);
  --open_;
  changed_.notify_one();
}

void MysqlPool::discardIdle() {
  std::vector<std::unique_ptr<MysqlConnection>> dropped;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    dropped.swap(idle_);
    open_ -= static_cast<int>(dropped.size());
    changed_.notify_all();
  }
  // `dropped` closes its connections here, outside the lock.
}

int MysqlPool::openConnections() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return open_;
}

int MysqlPool::idleConnections() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return static_cast<int>(idle_.size());
}

} // namespace gatehouse::store
