// The production store: a MySQL (or MariaDB) server shared by every gateway node, reached
// through a bounded connection pool.
#pragma once

#include <gatehouse/store/mysql_pool.hpp>
#include <gatehouse/store/mysql_settings.hpp>
#include <gatehouse/store/sql_database.hpp>

namespace gatehouse::store {

class MysqlDatabase final : public SqlDatabase {
public:
  // Deadlocks between nodes writing the same rollup rows are expected now and then; InnoDB
  // rolls one side back and it is re-run.
  static constexpr int kMaxTransientRetries = 5;

  explicit MysqlDatabase(MysqlSettings settings);

  const SqlDialect& dialect() const override { return dialect_; }
  void write(WriteRetry retry, const Work& work) override;
  void read(const Work& work) override;
  // GET_LOCK('gatehouse_migrate'): a named lock held by this connection until released or the
  // connection ends, so a crashed node never leaves it behind.
  void withMigrationLock(const Work& work) override;
  void ping() override;

  MysqlPool& pool() { return pool_; }

private:
  void runTransaction(bool readOnly, bool retryDuringCommit, const Work& work);

  SqlDialect dialect_{SqlDialect::Engine::Mysql};
  MysqlSettings settings_;
  MysqlPool pool_;
};

} // namespace gatehouse::store
