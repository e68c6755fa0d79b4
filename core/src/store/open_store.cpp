#include <gatehouse/store/migration.hpp>
#include <gatehouse/store/mysql_database.hpp>
#include <gatehouse/store/open_store.hpp>
#include <gatehouse/store/sql_store.hpp>
#include <gatehouse/store/sqlite_database.hpp>
#include <gatehouse/store/store_error.hpp>

namespace gatehouse::store {
namespace {

std::unique_ptr<SqlStore> makeStore(const StorageConfig& config) {
  if (config.driver == "sqlite") {
    return std::make_unique<SqlStore>(std::make_unique<SqliteDatabase>(config.sqlite), sqliteMigrations());
  }
  if (config.driver == "mysql") {
    return std::make_unique<SqlStore>(
        std::make_unique<MysqlDatabase>(MysqlSettings::fromConfig(config.mysql)), mysqlMigrations());
  }
  throw StoreError(StoreError::Kind::Invalid,
                   "storage.driver must be \"sqlite\" or \"mysql\", not \"" + config.driver + "\"");
}

} // namespace

std::unique_ptr<Store> openStore(const StorageConfig& config, SchemaPolicy policy) {
  std::unique_ptr<SqlStore> store = makeStore(config);
  if (policy == SchemaPolicy::Migrate) {
    store->migrate();
  } else {
    store->requireCurrentSchema();
  }
  return store;
}

MigrationResult migrateStore(const StorageConfig& config) {
  return makeStore(config)->migrate();
}

} // namespace gatehouse::store
