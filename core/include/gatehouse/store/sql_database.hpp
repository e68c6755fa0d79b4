// A database as the repositories use it: connections handed out for one transaction at a time.
// SqliteDatabase and MysqlDatabase implement it; the repositories (sql_*_repository.hpp) are
// written once against it, so both drivers run the same statements and behave the same.
#pragma once

#include <gatehouse/store/sql_connection.hpp>
#include <gatehouse/store/sql_dialect.hpp>

#include <functional>

namespace gatehouse::store {

// Whether a write may be sent again when the connection dies while COMMIT is in flight, when
// nobody can know whether it was applied. Failures before COMMIT are always retried once.
enum class WriteRetry {
  BeforeCommitOnly, // e.g. inserts with fresh ids: applying twice would duplicate
  Always,           // idempotent work: upserts, revocations, usage (idempotent on request id)
};

class SqlDatabase {
public:
  using Work = std::function<void(SqlConnection&)>;

  virtual ~SqlDatabase() = default;

  virtual const SqlDialect& dialect() const = 0;
  // Runs `work` in one write transaction on one connection: committed when it returns, rolled
  // back when it throws. `work` may run a second time after a lost connection, so it must
  // assign its results rather than accumulate them.
  virtual void write(WriteRetry retry, const Work& work) = 0;
  // Runs `work` for reading only. SQLite gives it one consistent snapshot; MySQL runs each
  // statement on its own (autocommit), so a read that needs several statements to agree must
  // not rely on seeing one snapshot there.
  virtual void read(const Work& work) = 0;
  // Runs `work` holding the database-wide migration lock, so one node or process migrates at a
  // time. SQLite runs it in one transaction; MySQL cannot roll back schema changes, so there
  // each statement commits on its own.
  virtual void withMigrationLock(const Work& work) = 0;
  // Throws StoreError(Unavailable) when the database does not answer.
  virtual void ping() = 0;
};

} // namespace gatehouse::store
