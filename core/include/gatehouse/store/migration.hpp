// The schema as numbered, forward-only migrations, one list per dialect. The lists are kept in
// step: the same versions and names, and the same tables, columns and indexes after each
// (tests/core/store/schema_sync_test.cpp compares the two databases).
#pragma once

#include <string_view>
#include <vector>

namespace gatehouse::store {

// One statement of a migration. MySQL commits every schema change on its own, so a migration cut
// short is run again from its first statement; each statement must therefore be safe to repeat.
// Most say so themselves (IF NOT EXISTS, INSERT IGNORE). A change MySQL cannot make conditional
// (ALTER TABLE ... ADD COLUMN has no IF NOT EXISTS in MySQL 8.0) names a query instead that
// answers "already done?": it is skipped when that query's first value is greater than 0.
struct MigrationStatement {
  // Implicit, so a plain string in a migration list is an unconditional statement.
  constexpr MigrationStatement(const char* text) : sql(text) {} // NOLINT(google-explicit-constructor)
  constexpr MigrationStatement(std::string_view text, std::string_view doneProbe)
      : sql(text), skipWhenDone(doneProbe) {}

  std::string_view sql;
  std::string_view skipWhenDone; // empty: always run
};

struct Migration {
  int version; // 1, 2, 3, ... with no gaps
  std::string_view name;
  std::vector<MigrationStatement> statements; // run in order
};

const std::vector<Migration>& sqliteMigrations();
const std::vector<Migration>& mysqlMigrations();

} // namespace gatehouse::store
