// Migrations on both drivers: fresh database, re-run, a schema newer than the binary, a node
// started without migrating, and two processes migrating one database at the same moment.
#include <gatehouse/store/mysql_database.hpp>
#include <gatehouse/store/open_store.hpp>
#include <gatehouse/store/sql_store.hpp>
#include <gatehouse/store/sqlite_database.hpp>
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

const std::vector<Migration>& migrationsOf(Backend backend) {
  return backend == Backend::Sqlite ? sqliteMigrations() : mysqlMigrations();
}

int latest(Backend backend) {
  return migrationsOf(backend).back().version;
}

// A store on `config` that knows only `migrations` (which must outlive it), like an older gatehouse.
std::unique_ptr<SqlStore> storeKnowing(const StorageConfig& config,
                                       const std::vector<Migration>& migrations) {
  if (config.driver == "sqlite")
    return std::make_unique<SqlStore>(std::make_unique<SqliteDatabase>(config.sqlite), migrations);
  return std::make_unique<SqlStore>(std::make_unique<MysqlDatabase>(MysqlSettings::fromConfig(config.mysql)),
                                    migrations);
}

std::vector<Migration> firstMigrations(Backend backend, int count) {
  const auto& all = migrationsOf(backend);
  return {all.begin(), all.begin() + count};
}

void execute(Store& store, const std::string& sql) {
  static_cast<SqlStore&>(store).database().write(WriteRetry::Always,
                                                 [&](SqlConnection& connection) { connection.execute(sql); });
}

// A usage row as a gatehouse before migration 5 wrote it: no image columns.
const char* const kPreImageUsageRow =
    "INSERT INTO usage_events (request_id, batch_id, started_at_ms, hour_start_ms, user_id, team_id, app, "
    "key_id, provider, model, upstream_model, endpoint, streamed, http_status, duration_ms, prompt_tokens, "
    "completion_tokens, cached_prompt_tokens, reasoning_tokens, images, audio_ms, characters, "
    "cost_micro_usd) VALUES ('before-5', 1, 5000, 0, 'u', '', '', '', 'openai', 'dall-e-3', 'dall-e-3', 3, "
    "0, 200, 10, 0, 0, 0, 0, 2, 0, 0, 80000)";

// A user and a key as a gatehouse before migration 6 wrote them: no api_keys.disabled.
const char* const kPreSessionUserRow =
    "INSERT INTO users (id, external_subject, email, display_name, role, disabled, created_at_ms, "
    "updated_at_ms) VALUES ('user-5', NULL, 'old@example.com', 'Old', 1, 0, 1, 1)";
const char* const kPreSessionKeyRow =
    "INSERT INTO api_keys (id, key_hash, prefix, owner_user_id, team_id, name, role, scopes, rpm_limit, "
    "tpm_limit, monthly_budget_micro_usd, expires_at_ms, revoked_at_ms, created_at_ms, updated_at_ms, "
    "change_seq) VALUES ('key-5', 'hash-5', 'ghk_old', 'user-5', NULL, 'old key', 1, 'model:gpt-4o*', "
    "NULL, NULL, NULL, NULL, NULL, 1, 1, 1)";

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

TEST_P(MigratorTest, UpgradeAddsImageColumnsAndEarlierUsageRowsReadThemAsZero) {
  const std::vector<Migration> upToFour = firstMigrations(GetParam(), 4);
  {
    auto older = storeKnowing(database_.config(), upToFour);
    ASSERT_EQ(older->migrate().toVersion, 4);
    execute(*older, kPreImageUsageRow);
  }
  const MigrationResult result = migrateStore(database_.config());
  EXPECT_EQ(result.fromVersion, 4);
  EXPECT_EQ(result.toVersion, latest(GetParam()));

  auto store = openStore(database_.config(), SchemaPolicy::RequireCurrent);
  const auto before = store->usage().find("before-5");
  ASSERT_TRUE(before);
  EXPECT_EQ(before->usage.images, 2);
  EXPECT_EQ(before->costMicroUsd, 80000);
  EXPECT_EQ(before->usage.image_width, 0);
  EXPECT_EQ(before->usage.image_height, 0);
  EXPECT_EQ(before->usage.image_quality, GH_IMAGE_QUALITY_UNKNOWN);
}

TEST_P(MigratorTest, UpgradeKeepsEarlierKeysEnabledAndAddsSessions) {
  const std::vector<Migration> upToFive = firstMigrations(GetParam(), 5);
  {
    auto older = storeKnowing(database_.config(), upToFive);
    ASSERT_EQ(older->migrate().toVersion, 5);
    execute(*older, kPreSessionUserRow);
    execute(*older, kPreSessionKeyRow);
  }
  const MigrationResult result = migrateStore(database_.config());
  EXPECT_EQ(result.fromVersion, 5);
  EXPECT_EQ(result.toVersion, latest(GetParam()));

  auto store = openStore(database_.config(), SchemaPolicy::RequireCurrent);
  const auto key = store->apiKeys().findByHash("hash-5");
  ASSERT_TRUE(key);
  EXPECT_FALSE(key->disabled);
  EXPECT_TRUE(key->usableAt(2));
  EXPECT_EQ(key->scopes, std::vector<std::string>{"model:gpt-4o*"});
  EXPECT_TRUE(store->apiKeys().setDisabled("key-5", true));
  EXPECT_TRUE(store->apiKeys().findById("key-5")->disabled);

  const std::string hash(64, 'a');
  store->sessions().create(Session{hash, "user-5", "oidc", 1, 2});
  EXPECT_EQ(store->sessions().find(hash)->userId, "user-5");
  store->sessions().putLoginFlow(LoginFlow{hash, "oidc", "{}", "/", 2});
  EXPECT_TRUE(store->sessions().takeLoginFlow(hash, 1));
}

INSTANTIATE_TEST_SUITE_P(Drivers, MigratorTest, ::testing::Values(Backend::Sqlite, Backend::Mysql),
                         [](const auto& paramInfo) { return testing::backendName(paramInfo.param); });

// MySQL commits each schema change at once: a node that died after migration 5's ALTER but before
// recording the version leaves the columns behind. Running the migration again must finish it,
// not fail on "duplicate column".
TEST(MysqlMigrations, ImageColumnsMigrationCutShortAfterItsAlterIsFinishedByARerun) {
  TestDatabase database(Backend::Mysql);
  const std::vector<Migration> upToFour = firstMigrations(Backend::Mysql, 4);
  {
    auto older = storeKnowing(database.config(), upToFour);
    ASSERT_EQ(older->migrate().toVersion, 4);
    execute(*older, std::string(mysqlMigrations().at(4).statements.at(0).sql));
  }
  const MigrationResult result = migrateStore(database.config());
  EXPECT_EQ(result.fromVersion, 4);
  EXPECT_EQ(result.toVersion, latest(Backend::Mysql));
  auto store = openStore(database.config(), SchemaPolicy::RequireCurrent);
  UsageEvent event;
  event.requestId = "after-rerun";
  event.usage.image_width = 1024;
  ASSERT_EQ(store->usage().insert({&event, 1}), 1u);
  EXPECT_EQ(store->usage().find("after-rerun")->usage.image_width, 1024);
}

// The same for migration 6: cut short after its ALTER and its first CREATE TABLE.
TEST(MysqlMigrations, SessionsMigrationCutShortIsFinishedByARerun) {
  TestDatabase database(Backend::Mysql);
  const std::vector<Migration> upToFive = firstMigrations(Backend::Mysql, 5);
  {
    auto older = storeKnowing(database.config(), upToFive);
    ASSERT_EQ(older->migrate().toVersion, 5);
    const Migration& sessions = mysqlMigrations().at(5);
    ASSERT_EQ(sessions.version, 6);
    execute(*older, std::string(sessions.statements.at(0).sql));
    execute(*older, std::string(sessions.statements.at(1).sql));
  }
  const MigrationResult result = migrateStore(database.config());
  EXPECT_EQ(result.fromVersion, 5);
  EXPECT_EQ(result.toVersion, 6);
  auto store = openStore(database.config(), SchemaPolicy::RequireCurrent);
  const User user = store->users().create(NewUser{"", "a@example.com", "Ada", Role::Member});
  NewApiKey newKey;
  newKey.keyHash = "hash-rerun";
  newKey.ownerUserId = user.id;
  const ApiKey key = store->apiKeys().insert(newKey);
  EXPECT_TRUE(store->apiKeys().setDisabled(key.id, true));
  EXPECT_TRUE(store->apiKeys().findById(key.id)->disabled);
  store->sessions().putLoginFlow(LoginFlow{std::string(64, 'b'), "oidc", "{}", "/", 2});
  EXPECT_TRUE(store->sessions().takeLoginFlow(std::string(64, 'b'), 1));
}

TEST(Migrator, StatementIsSkippedOnlyWhenItsProbeCountsMoreThanZero) {
  TestDatabase database(Backend::Sqlite);
  std::vector<Migration> migrations = firstMigrations(Backend::Sqlite, 1); // audit_log, which migrate() uses
  migrations.push_back({2,
                        "probed",
                        {MigrationStatement{"CREATE TABLE done_before (a INTEGER)", "SELECT 3"},
                         MigrationStatement{"CREATE TABLE not_done (a INTEGER)", "SELECT 0"},
                         MigrationStatement{"CREATE TABLE probe_null (a INTEGER)", "SELECT NULL"},
                         "CREATE TABLE unprobed (a INTEGER)"}});
  auto store = storeKnowing(database.config(), migrations);
  EXPECT_EQ(store->migrate().toVersion, 2);
  const auto tables = [&](const char* name) {
    return count(*store, std::string("SELECT COUNT(*) FROM sqlite_master WHERE name = '") + name + "'");
  };
  EXPECT_EQ(tables("done_before"), 0);
  EXPECT_EQ(tables("not_done"), 1);
  EXPECT_EQ(tables("probe_null"), 1);
  EXPECT_EQ(tables("unprobed"), 1);
}

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
