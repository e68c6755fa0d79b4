// Applies pending migrations in order under the database's migration lock and records each in
// schema_version (plus an audit_log row, so a migration run twice would show). A database whose
// schema is newer than this binary knows is refused.
#pragma once

#include <gatehouse/store/migration.hpp>
#include <gatehouse/store/migration_result.hpp>
#include <gatehouse/store/sql_database.hpp>

#include <vector>

namespace gatehouse::store {

class Migrator {
public:
  Migrator(SqlDatabase& database, const std::vector<Migration>& migrations);

  int knownVersion() const;
  int currentVersion(); // 0 for a database no migration has touched
  // Throws StoreError(SchemaMismatch) when the database is newer than knownVersion().
  MigrationResult migrate();
  // For nodes started without migrating: throws StoreError(SchemaMismatch) unless the schema is
  // exactly knownVersion().
  void requireCurrent();

private:
  int readVersion(SqlConnection& connection);
  void refuseNewer(int databaseVersion) const;

  SqlDatabase& database_;
  const std::vector<Migration>& migrations_;
};

} // namespace gatehouse::store
