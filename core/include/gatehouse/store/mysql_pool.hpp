// A bounded pool of MySQL connections. Callers borrow one connection for one transaction; when
// all are out they wait up to the borrow timeout. Connections are opened lazily and outside the
// pool's lock, and after a lost connection every idle one is dropped too: the usual cause is a
// server restart, which kills them all.
#pragma once

#include <gatehouse/store/mysql_connection.hpp>
#include <gatehouse/store/mysql_settings.hpp>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

namespace gatehouse::store {

class MysqlPool {
public:
  class Lease {
  public:
    Lease(MysqlPool& pool, std::unique_ptr<MysqlConnection> connection);
    ~Lease();
    Lease(Lease&& other) noexcept;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    Lease& operator=(Lease&&) = delete;

    MysqlConnection& operator*() const { return *connection_; }
    MysqlConnection* operator->() const { return connection_.get(); }
    // Closes the connection instead of returning it (it is broken or in an unknown state).
    void discard();

  private:
    MysqlPool* pool_;
    std::unique_ptr<MysqlConnection> connection_;
  };

  explicit MysqlPool(MysqlSettings settings);

  // Throws MysqlFailure (connect failed) or StoreError(Unavailable) on borrow timeout.
  Lease borrow();
  void discardIdle();
  int openConnections() const;
  int idleConnections() const;

private:
  void giveBack(std::unique_ptr<MysqlConnection> connection);
  void forget();

  MysqlSettings settings_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<std::unique_ptr<MysqlConnection>> idle_;
  int open_ = 0; // idle + borrowed + being opened
};

} // namespace gatehouse::store
