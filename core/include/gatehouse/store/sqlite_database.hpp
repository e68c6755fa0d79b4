// The embedded store: one SQLite file in WAL mode. Writes go through one writer connection, one
// transaction at a time (BEGIN IMMEDIATE, so a second process waits on the busy timeout rather
// than failing mid-transaction); reads use a small pool of their own connections and run
// beside the writer, as WAL allows.
#pragma once

#include <gatehouse/config/config.hpp>
#include <gatehouse/store/sql_database.hpp>
#include <gatehouse/store/sqlite_connection.hpp>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace gatehouse::store {

class SqliteDatabase final : public SqlDatabase {
public:
  static constexpr int kReaderCount = 4;
  static constexpr int kBusyTimeoutMs = 10000;

  // Creates the file's folder when missing. ":memory:" is a throw-away database served by the
  // writer connection alone. Throws StoreError(Unavailable) when it cannot open.
  explicit SqliteDatabase(const SqliteConfig& config);

  const SqlDialect& dialect() const override { return dialect_; }
  void write(WriteRetry retry, const Work& work) override;
  void read(const Work& work) override;
  void withMigrationLock(const Work& work) override;
  void ping() override;

private:
  std::unique_ptr<SqliteConnection> borrowReader();
  void returnReader(std::unique_ptr<SqliteConnection> reader);
  void inTransaction(SqliteConnection& connection, const char* begin, const Work& work);

  SqlDialect dialect_{SqlDialect::Engine::Sqlite};
  std::string path_;
  bool inMemory_;
  std::mutex writerMutex_;
  std::unique_ptr<SqliteConnection> writer_;
  std::mutex readersMutex_;
  std::condition_variable readerReturned_;
  std::vector<std::unique_ptr<SqliteConnection>> idleReaders_;
  int openReaders_ = 0;
};

} // namespace gatehouse::store
