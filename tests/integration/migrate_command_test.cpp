// `gatehouse migrate`, and how serve and --check-config treat the store.
#include <filesystem>
#include <sqlite3.h>

#include "running_gateway.hpp"
#include "stored_usage.hpp"

namespace gatehouse::testing {
namespace {

using namespace std::chrono_literals;

std::string lastStderrLine(const GatewayProcess& process) {
  const auto lines = process.stderrLines();
  return lines.empty() ? std::string() : lines.back();
}

TestConfig configWithDatabase(const std::string& path) {
  TestConfig config;
  config.sqlitePath = path;
  return config;
}

int knownSchemaVersion() {
  StorageConfig storage;
  storage.sqlite.path = ":memory:";
  return store::openStore(storage, store::SchemaPolicy::Migrate)->schemaVersion();
}

TEST(MigrateCommand, MigratesAFreshDatabaseThenHasNothingToDo) {
  const int known = knownSchemaVersion();
  ASSERT_GT(known, 0);
  GatewayProcess first(configWithDatabase("m.db").json(), {"migrate", "--config", "{config}"});
  EXPECT_EQ(first.waitForExit(20s), 0) << first.output();
  EXPECT_EQ(first.stdoutText(), "schema at version " + std::to_string(known) + " (was 0)\n");

  // Same database again, through the flag spelling: a no-op that says so.
  GatewayProcess second(configWithDatabase(first.workDir() + "/m.db").json(), {"--migrate", "--config", "{config}"});
  EXPECT_EQ(second.waitForExit(20s), 0) << second.output();
  EXPECT_EQ(second.stdoutText(),
            "schema at version " + std::to_string(known) + " (was " + std::to_string(known) + ")\n");
  EXPECT_EQ(openSqliteStore(first.workDir() + "/m.db")->schemaVersion(), known);
}

TEST(MigrateCommand, AnUnreachableStoreExitsOneWithOneStoreLine) {
  // Below a regular file (the config itself), no database can ever be created.
  GatewayProcess migrate(configWithDatabase("test-config.json/m.db").json(),
                         {"migrate", "--config", "{config}"});
  EXPECT_EQ(migrate.waitForExit(20s), 1);
  EXPECT_EQ(lastStderrLine(migrate).rfind("gatehouse: store: ", 0), 0u) << migrate.output();
  EXPECT_EQ(migrate.stdoutText(), "");
}

TEST(StoreAtStartup, AnUnopenableStoreStopsServeWithOneStoreLine) {
  // Below a regular file (the config itself), no database can ever be created.
  GatewayProcess gateway(configWithDatabase("test-config.json/s.db").json(), GatewayProcess::serveArgs());
  EXPECT_EQ(gateway.waitForExit(20s), 1);
  EXPECT_EQ(lastStderrLine(gateway).rfind("gatehouse: store: ", 0), 0u) << gateway.output();
  EXPECT_EQ(gateway.output().find("listening on"), std::string::npos);
}

TEST(StoreAtStartup, ServeMigratesAFreshDatabase) {
  GatewayProcess gateway(configWithDatabase("fresh.db").json(), GatewayProcess::serveArgs());
  ASSERT_NE(gateway.waitUntilListening(), 0) << gateway.output();
  EXPECT_EQ(openSqliteStore(gateway.workDir() + "/fresh.db")->schemaVersion(), knownSchemaVersion());
}

TEST(StoreAtStartup, ASchemaNewerThanTheBinaryIsRefused) {
  GatewayProcess migrate(configWithDatabase("newer.db").json(), {"migrate", "--config", "{config}"});
  ASSERT_EQ(migrate.waitForExit(20s), 0) << migrate.output();
  const std::string path = migrate.workDir() + "/newer.db";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
  const std::string bump = "INSERT INTO schema_version (version, name, applied_at_ms) VALUES (" +
                           std::to_string(knownSchemaVersion() + 1) + ", 'from the future', 0)";
  EXPECT_EQ(sqlite3_exec(db, bump.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);

  GatewayProcess gateway(configWithDatabase(path).json(), GatewayProcess::serveArgs());
  EXPECT_EQ(gateway.waitForExit(20s), 1);
  const std::string line = lastStderrLine(gateway);
  EXPECT_EQ(line.rfind("gatehouse: store: ", 0), 0u) << gateway.output();
}

TEST(StoreAtStartup, CheckConfigNeitherCreatesNorMigratesTheStore) {
  GatewayProcess check(configWithDatabase("untouched.db").json(),
                       {"--check-config", "{config}", "--plugin-dir", GATEHOUSE_TEST_PLUGIN_DIR});
  EXPECT_EQ(check.waitForExit(20s), 0) << check.output();
  EXPECT_FALSE(std::filesystem::exists(check.workDir() + "/untouched.db"));
}

} // namespace
} // namespace gatehouse::testing
