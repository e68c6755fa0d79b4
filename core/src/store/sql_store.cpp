#include <gatehouse/store/sql_store.hpp>

namespace gatehouse::store {

SqlStore::SqlStore(std::unique_ptr<SqlDatabase> database, const std::vector<Migration>& migrations)
    : database_(std::move(database)), migrator_(*database_, migrations), users_(*database_),
      teams_(*database_), apiKeys_(*database_), providers_(*database_), models_(*database_),
      usage_(*database_), audit_(*database_), sessions_(*database_) {
}

} // namespace gatehouse::store
