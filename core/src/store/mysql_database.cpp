#include <gatehouse/common/log.hpp>
#include <gatehouse/store/mysql_database.hpp>
#include <gatehouse/store/mysql_failure.hpp>

namespace gatehouse::store {

MysqlDatabase::MysqlDatabase(MysqlSettings settings) : settings_(settings), pool_(std::move(settings)) {
}

void MysqlDatabase::runTransaction(bool readOnly, bool retryDuringCommit, const Work& work) {
  int lostConnections = 0;
  int transientFailures = 0;
  for (;;) {
    MysqlPool::Lease lease = pool_.borrow();
    bool committing = false;
    try {
      // Reads run in autocommit mode: each statement is its own consistent snapshot, and there is
      // no COMMIT round trip on the key-lookup path. Writes get a real transaction.
      lease->setAutoCommit(readOnly);
      work(*lease);
      committing = true;
      if (!readOnly)
        lease->commit();
      return;
    } catch (const MysqlFailure& failure) {
      if (failure.connectionLost()) {
        // The usual cause is a server restart, which killed every pooled connection.
        lease.discard();
        pool_.discardIdle();
        const bool safe = !committing || retryDuringCommit;
        if (++lostConnections == 1 && safe) {
          log::warn("store", "lost the MySQL connection; retrying once on a new one");
          continue;
        }
        throw;
      }
      if (!lease->rollback())
        lease.discard();
      if (failure.transient() && ++transientFailures <= kMaxTransientRetries)
        continue;
      throw;
    } catch (...) {
      if (!lease->rollback())
        lease.discard();
      throw;
    }
  }
}

void MysqlDatabase::write(WriteRetry retry, const Work& work) {
  runTransaction(false, retry == WriteRetry::Always, work);
}

void MysqlDatabase::read(const Work& work) {
  runTransaction(true, true, work);
}

void MysqlDatabase::withMigrationLock(const Work& work) {
  MysqlPool::Lease lease = pool_.borrow();
  try {
    // Schema changes commit implicitly in MySQL; autocommit makes the version rows do the same.
    lease->setAutoCommit(true);
    const auto granted = lease->query("SELECT GET_LOCK('gatehouse_migrate', ?)",
                                      {sqlInt(settings_.migrationLockTimeout.count())});
    if (granted.empty() || granted.front().isNull(0) || granted.front().int64(0) != 1) {
      throw StoreError(StoreError::Kind::Unavailable,
                       "another gatehouse node held the schema migration lock for " +
                           std::to_string(settings_.migrationLockTimeout.count()) + " s; try again");
    }
    try {
      work(*lease);
    } catch (...) {
      lease->query("SELECT RELEASE_LOCK('gatehouse_migrate')");
      throw;
    }
    lease->query("SELECT RELEASE_LOCK('gatehouse_migrate')");
  } catch (...) {
    // The connection's session state (autocommit, a lock after an error) is not worth restoring
    // for a one-off task; closing it also frees the lock.
    lease.discard();
    throw;
  }
  lease.discard();
}

void MysqlDatabase::ping() {
  read([](SqlConnection& connection) { connection.query("SELECT 1"); });
}

} // namespace gatehouse::store
