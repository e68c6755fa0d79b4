// The schema as numbered, forward-only migrations, one list per dialect. The lists are kept in
// step: the same versions and names, and the same tables, columns and indexes after each
// (tests/core/store/schema_sync_test.cpp compares the two databases).
#pragma once

#include <string_view>
#include <vector>

namespace gatehouse::store {

struct Migration {
  int version; // 1, 2, 3, ... with no gaps
  std::string_view name;
  std::vector<std::string_view> statements; // one statement each, run in order
};

const std::vector<Migration>& sqliteMigrations();
const std::vector<Migration>& mysqlMigrations();

} // namespace gatehouse::store
