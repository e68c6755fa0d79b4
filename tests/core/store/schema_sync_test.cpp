// The two migration lists must produce the same schema: same tables, columns and index names.
#include <gatehouse/store/open_store.hpp>
#include <gatehouse/store/sql_store.hpp>

#include <gtest/gtest.h>

#include <set>

#include "test_databases.hpp"

namespace gatehouse::store {
namespace {

using testing::Backend;
using testing::TestDatabase;
using Names = std::set<std::string>;

Names query(Store& store, const std::string& sql) {
  Names names;
  static_cast<SqlStore&>(store).database().read([&](SqlConnection& connection) {
    for (const SqlRow& row : connection.query(sql))
      names.insert(row.text(0));
  });
  return names;
}

Names columns(Store& store, Backend backend) {
  if (backend == Backend::Sqlite) {
    return query(store, "SELECT m.name || '.' || c.name FROM sqlite_master m, pragma_table_info(m.name) c "
                        "WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'");
  }
  return query(store, "SELECT CONCAT(table_name, '.', column_name) FROM information_schema.columns "
                      "WHERE table_schema = DATABASE()");
}

Names indexes(Store& store, Backend backend) {
  if (backend == Backend::Sqlite) {
    return query(store, "SELECT tbl_name || '.' || name FROM sqlite_master WHERE type = 'index' "
                        "AND name NOT LIKE 'sqlite_autoindex_%'");
  }
  // InnoDB names each foreign key's index after the constraint only when it had to create one;
  // every foreign key here has an index of its own, so those never appear.
  return query(store,
               "SELECT DISTINCT CONCAT(table_name, '.', index_name) FROM information_schema.statistics "
               "WHERE table_schema = DATABASE() AND index_name <> 'PRIMARY'");
}

TEST(SchemaSync, SqliteAndMysqlMigrationsBuildTheSameSchema) {
  TestDatabase sqliteDatabase(Backend::Sqlite);
  TestDatabase mysqlDatabase(Backend::Mysql);
  auto sqlite = openStore(sqliteDatabase.config());
  auto mysql = openStore(mysqlDatabase.config());

  const Names sqliteColumns = columns(*sqlite, Backend::Sqlite);
  EXPECT_GT(sqliteColumns.size(), 100u);
  EXPECT_EQ(sqliteColumns, columns(*mysql, Backend::Mysql));
  const Names sqliteIndexes = indexes(*sqlite, Backend::Sqlite);
  EXPECT_GT(sqliteIndexes.size(), 20u);
  EXPECT_EQ(sqliteIndexes, indexes(*mysql, Backend::Mysql));
}

} // namespace
} // namespace gatehouse::store
