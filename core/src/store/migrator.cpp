#include <gatehouse/common/log.hpp>
#include <gatehouse/store/migrator.hpp>
#include <gatehouse/store/store_clock.hpp>
#include <gatehouse/store/store_error.hpp>

#include <string>

namespace gatehouse::store {
namespace {

std::string versionTableSql(const SqlDialect& dialect) {
  if (dialect.engine() == SqlDialect::Engine::Sqlite) {
    return "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, "
           "name TEXT NOT NULL, applied_at_ms INTEGER NOT NULL)";
  }
  return "CREATE TABLE IF NOT EXISTS schema_version (version INT NOT NULL, name VARCHAR(255) NOT NULL, "
         "applied_at_ms BIGINT NOT NULL, PRIMARY KEY (version)) "
         "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
}

std::string versionTableExistsSql(const SqlDialect& dialect) {
  if (dialect.engine() == SqlDialect::Engine::Sqlite) {
    return "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
  }
  return "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
         "AND table_name = 'schema_version'";
}

// True when the statement names a probe and the probe finds its change made, by an earlier
// run of this migration that stopped before recording it.
bool alreadyDone(SqlConnection& connection, const MigrationStatement& statement) {
  if (statement.skipWhenDone.empty())
    return false;
  const auto rows = connection.query(std::string(statement.skipWhenDone));
  return !rows.empty() && !rows.front().isNull(0) && rows.front().int64(0) > 0;
}

} // namespace

Migrator::Migrator(SqlDatabase& database, const std::vector<Migration>& migrations)
    : database_(database), migrations_(migrations) {
}

int Migrator::knownVersion() const {
  return migrations_.empty() ? 0 : migrations_.back().version;
}

int Migrator::readVersion(SqlConnection& connection) {
  const auto exists = connection.query(versionTableExistsSql(database_.dialect()));
  if (exists.empty() || exists.front().int64(0) == 0)
    return 0;
  const auto rows = connection.query("SELECT MAX(version) FROM schema_version");
  return rows.empty() ? 0 : static_cast<int>(rows.front().int64(0));
}

int Migrator::currentVersion() {
  int version = 0;
  database_.read([&](SqlConnection& connection) { version = readVersion(connection); });
  return version;
}

void Migrator::refuseNewer(int databaseVersion) const {
  if (databaseVersion <= knownVersion())
    return;
  throw StoreError(StoreError::Kind::SchemaMismatch,
                   "database schema is at version " + std::to_string(databaseVersion) +
                       ", this gatehouse knows up to " + std::to_string(knownVersion()) +
                       ": upgrade gatehouse");
}

MigrationResult Migrator::migrate() {
  MigrationResult result;
  database_.withMigrationLock([&](SqlConnection& connection) {
    connection.executeOnce(versionTableSql(database_.dialect()));
    // Read under the lock: a node that waited for another's migration finds nothing left to do.
    result.fromVersion = readVersion(connection);
    result.toVersion = result.fromVersion;
    refuseNewer(result.fromVersion);
    for (const Migration& migration : migrations_) {
      if (migration.version <= result.fromVersion)
        continue;
      for (const MigrationStatement& statement : migration.statements) {
        if (alreadyDone(connection, statement))
          continue;
        connection.executeOnce(std::string(statement.sql));
      }
      const std::int64_t now = currentTimeMs();
      connection.execute("INSERT INTO schema_version (version, name, applied_at_ms) VALUES (?, ?, ?)",
                         {sqlInt(migration.version), std::string(migration.name), sqlInt(now)});
      connection.execute("INSERT INTO audit_log (at_ms, actor, action, target_type, target_id, detail_json) "
                         "VALUES (?, 'gatehouse', 'schema.migrate', 'schema', ?, '{}')",
                         {sqlInt(now), std::to_string(migration.version)});
      result.toVersion = migration.version;
      log::info("store", "applied schema migration " + std::to_string(migration.version) + " (" +
                             std::string(migration.name) + ")");
    }
  });
  return result;
}

void Migrator::requireCurrent() {
  const int version = currentVersion();
  refuseNewer(version);
  if (version < knownVersion()) {
    throw StoreError(StoreError::Kind::SchemaMismatch,
                     "database schema is at version " + std::to_string(version) + ", this gatehouse needs " +
                         std::to_string(knownVersion()) + ": run `gatehouse migrate`");
  }
}

} // namespace gatehouse::store
