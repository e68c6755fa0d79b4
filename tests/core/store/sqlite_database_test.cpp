// What only the SQLite driver promises: WAL mode, a created folder, readers beside the writer.
#include <gatehouse/store/migration.hpp>
#include <gatehouse/store/open_store.hpp>
#include <gatehouse/store/sqlite_database.hpp>
#include <gatehouse/store/store_error.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <future>

#include "test_databases.hpp"

namespace gatehouse::store {
namespace {

TEST(SqliteDatabase, OpensInWalModeWithForeignKeysInAFolderItCreates) {
  testing::TestDatabase scratch(testing::Backend::Sqlite);
  SqliteConfig config;
  config.path =
      (std::filesystem::path(scratch.config().sqlite.path).parent_path() / "nested" / "g.db").string();
  SqliteDatabase database(config);
  database.read([](SqlConnection& connection) {
    EXPECT_EQ(connection.query("PRAGMA journal_mode").front().text(0), "wal");
    EXPECT_EQ(connection.query("PRAGMA foreign_keys").front().int64(0), 1);
  });
  EXPECT_TRUE(std::filesystem::exists(config.path));
}

TEST(SqliteDatabase, ReadersAreNotBlockedByAnOpenWriteTransaction) {
  testing::TestDatabase scratch(testing::Backend::Sqlite);
  SqliteDatabase database(scratch.config().sqlite);
  database.write(WriteRetry::Always, [](SqlConnection& connection) {
    connection.executeOnce("CREATE TABLE t (v INTEGER)");
    connection.execute("INSERT INTO t (v) VALUES (1)");
  });
  std::promise<void> writerInside;
  std::promise<void> readerDone;
  std::thread writer([&] {
    database.write(WriteRetry::Always, [&](SqlConnection& connection) {
      connection.execute("INSERT INTO t (v) VALUES (2)");
      writerInside.set_value();
      readerDone.get_future().wait(); // hold the write transaction open until the read finished
    });
  });
  writerInside.get_future().wait();
  std::int64_t seen = -1;
  database.read(
      [&](SqlConnection& connection) { seen = connection.query("SELECT COUNT(*) FROM t").front().int64(0); });
  readerDone.set_value();
  writer.join();
  EXPECT_EQ(seen, 1); // the uncommitted row is invisible, and the read did not wait for it
  database.read(
      [&](SqlConnection& connection) { seen = connection.query("SELECT COUNT(*) FROM t").front().int64(0); });
  EXPECT_EQ(seen, 2);
}

TEST(SqliteDatabase, FailedWorkRollsBackTheWholeTransaction) {
  testing::TestDatabase scratch(testing::Backend::Sqlite);
  SqliteDatabase database(scratch.config().sqlite);
  database.write(WriteRetry::Always,
                 [](SqlConnection& connection) { connection.executeOnce("CREATE TABLE t (v INTEGER)"); });
  EXPECT_THROW(database.write(WriteRetry::Always,
                              [](SqlConnection& connection) {
                                connection.execute("INSERT INTO t (v) VALUES (1)");
                                throw StoreError(StoreError::Kind::Invalid, "stop");
                              }),
               StoreError);
  database.read([](SqlConnection& connection) {
    EXPECT_EQ(connection.query("SELECT COUNT(*) FROM t").front().int64(0), 0);
  });
}

TEST(SqliteDatabase, InMemoryDatabaseServesReadsFromItsOnlyConnection) {
  StorageConfig config;
  config.sqlite.path = ":memory:";
  auto store = openStore(config);
  const User user = store->users().create(NewUser{"mem", "", "", Role::Member});
  EXPECT_EQ(store->users().findBySubject("mem")->id, user.id);
  EXPECT_EQ(store->schemaVersion(), sqliteMigrations().back().version);
}

TEST(SqliteDatabase, EmptyPathIsAConfigurationError) {
  SqliteConfig config;
  config.path = "";
  EXPECT_THROW(SqliteDatabase{config}, StoreError);
}

} // namespace
} // namespace gatehouse::store
