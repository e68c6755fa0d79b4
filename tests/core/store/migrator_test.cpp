// Migrations on both drivers: fresh database, re-run, a schema newer than the binary, a node
// started without migrating, and two processes migrating one database at the same moment.
#include <gatehouse/store/open_store.hpp>
#include <gatehouse/store/sql_store.hpp>
#include <gatehouse/store/store_error.hpp>

#include <gtest/gtest.h>

#include <cstdio>

#include <sys/wait.h>
#include <unistd.h>

#include "test_databases.hpp"

namespace gatehouse::store {
namespace {

using testing::Backend;
using testing::TestDatabase;

int latest(Backend backend) {
  return (backend == Backend::Sqlite ? sqliteMigrations() : mysqlMigrations()).back().version;
}

std::int64_t count(Store& store, const std::string& sql) {
  std::int64_t value = 0;
  static_cast<SqlStore&>(store).database().read(
      [&](SqlConnection& connection) { value = connection.query(sql).front().int64(0); });
  return value;
}

class MigratorTest : public ::testing::TestWithParam<Backend> {
protected:
  TestDatabase database_{GetParam()};
};

TEST_P(MigratorTest, FreshDatabaseIsMigratedToTheLatestVersionAndRecorded) {
  const MigrationResult result = migrateStore(database_.config());
  EXPECT_EQ(result.fromVersion, 0);
  EXPECT_EQ(result.toVersion, latest(GetParam()));
  auto store = openStore(database_.config(), SchemaPolicy::RequireCurrent);
  EXPECT_EQ(store->schemaVersion(), latest(GetParam()));
  EXPECT_EQ(count(*store, "SELECT COUNT(*) FROM schema_version"), latest(GetParam()));
  EXPECT_EQ(count(*store, "SELECT COUNT(*) FROM audit_log WHERE action = 'schema.migrate'"),
            latest(GetParam()));
}

TEST_P(MigratorTest, RunningAgainChangesNothing) {
  migrateStore(database_.config());
  const MigrationResult again = migrateStore(database_.config());
  EXPECT_FALSE(again.changed());
  EXPECT_EQ(again.fromVersion, latest(GetParam()));
  auto store = openStore(database_.config());
  EXPECT_EQ(count(*store, "SELECT COUNT(*) FROM audit_log WHERE action = 'schema.migrate'"),
            latest(GetParam()));
}

TEST_P(MigratorTest, SchemaNewerThanThisBinaryIsRefusedWithAClearMessage) {
  {
    auto store = openStore(database_.config());
    static_cast<SqlStore&>(*store).database().write(WriteRetry::Always, [](SqlConnection& connection) {
      connection.execute(
          "INSERT INTO schema_version (version, name, applied_at_ms) VALUES (?, 'from the future', 0)",
          {sqlInt(99)});
    });
  }
  const std::string expected = "database schema is at version 99, this gatehouse knows up to " +
                               std::to_string(latest(GetParam())) + ": upgrade gatehouse";
  for (const SchemaPolicy policy : {SchemaPolicy::Migrate, SchemaPolicy::RequireCurrent}) {
    try {
      openStore(database_.config(), policy);
      ADD_FAILURE() << "a newer schema was accepted";
    } catch (const StoreError& error) {
      EXPECT_EQ(error.kind(), StoreError::Kind::SchemaMismatch);
      EXPECT_EQ(error.what(), expected);
    }
  }
  EXPECT_THROW(migrateStore(database_.config()), StoreError);
}

TEST_P(MigratorTest, NodeStartedWithoutMigratingRefusesAnOlderSchema) {
  try {
    openStore(database_.config(), SchemaPolicy::RequireCurrent);
    ADD_FAILURE() << "an empty database was accepted";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.kind(), StoreError::Kind::SchemaMismatch);
    EXPECT_NE(std::string(error.what()).find("run `gatehouse migrate`"), std::string::npos) << error.what();
  }
}

// Two processes, released at the same instant, both migrate one empty database. The lock must
// let exactly one apply the migrations; the other must wait and then find nothing to do.
TEST_P(MigratorTest, TwoProcessesMigratingAtOnceApplyEachMigrationOnce) {
  int gate[2];
  ASSERT_EQ(pipe(gate), 0);
  std::vector<pid_t> children;
  for (int i = 0; i < 2; ++i) {
    const pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(gate[1]);
      char go = 0;
      if (read(gate[0], &go, 1) != 1)
        _exit(101);
      try {
        const MigrationResult result = migrateStore(database_.config());
        _exit(result.toVersion - result.fromVersion); // migrations this process applied
      } catch (const std::exception& error) {
        std::fprintf(stderr, "migrating child failed: %s\n", error.what());
        _exit(100);
      } catch (...) {
        _exit(100);
      }
    }
    children.push_back(pid);
  }
  close(gate[0]);
  ASSERT_EQ(write(gate[1], "gg", 2), 2);
  close(gate[1]);

  std::vector<int> applied;
  for (const pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status));
    applied.push_back(WEXITSTATUS(status));
  }
  std::sort(applied.begin(), applied.end());
  EXPECT_EQ(applied, (std::vector<int>{0, latest(GetParam())}));

  auto store = openStore(database_.config(), SchemaPolicy::RequireCurrent);
  EXPECT_EQ(count(*store, "SELECT COUNT(*) FROM schema_version"), latest(GetParam()));
  EXPECT_EQ(count(*store, "SELECT COUNT(*) FROM audit_log WHERE action = 'schema.migrate'"),
            latest(GetParam()));
}

INSTANTIATE_TEST_SUITE_P(Drivers, MigratorTest, ::testing::Values(Backend::Sqlite, Backend::Mysql),
                         [](const auto& paramInfo) { return testing::backendName(paramInfo.param); });

TEST(MigrationLists, BothDialectsHaveTheSameNumberedMigrations) {
  const auto& sqlite = sqliteMigrations();
  const auto& mysql = mysqlMigrations();
  ASSERT_EQ(sqlite.size(), mysql.size());
  for (std::size_t i = 0; i < sqlite.size(); ++i) {
    EXPECT_EQ(sqlite[i].version, static_cast<int>(i) + 1) << "versions are 1, 2, 3... without gaps";
    EXPECT_EQ(mysql[i].version, sqlite[i].version);
    EXPECT_EQ(mysql[i].name, sqlite[i].name);
    EXPECT_FALSE(sqlite[i].statements.empty());
  }
}

} // namespace
} // namespace gatehouse::store
