// The Store for any SqlDatabase: the repositories written once in SQL, plus the migrator.
#pragma once

#include <gatehouse/store/migration.hpp>
#include <gatehouse/store/migrator.hpp>
#include <gatehouse/store/sql_api_key_repository.hpp>
#include <gatehouse/store/sql_audit_repository.hpp>
#include <gatehouse/store/sql_database.hpp>
#include <gatehouse/store/sql_model_repository.hpp>
#include <gatehouse/store/sql_provider_repository.hpp>
#include <gatehouse/store/sql_session_repository.hpp>
#include <gatehouse/store/sql_team_repository.hpp>
#include <gatehouse/store/sql_usage_repository.hpp>
#include <gatehouse/store/sql_user_repository.hpp>
#include <gatehouse/store/store.hpp>

#include <memory>
#include <vector>

namespace gatehouse::store {

class SqlStore final : public Store {
public:
  SqlStore(std::unique_ptr<SqlDatabase> database, const std::vector<Migration>& migrations);

  std::string_view driverName() const override { return database_->dialect().name(); }
  void ping() override { database_->ping(); }
  int schemaVersion() override { return migrator_.currentVersion(); }
  MigrationResult migrate() override { return migrator_.migrate(); }
  void requireCurrentSchema() { migrator_.requireCurrent(); }

  UserRepository& users() override { return users_; }
  TeamRepository& teams() override { return teams_; }
  ApiKeyRepository& apiKeys() override { return apiKeys_; }
  ProviderRepository& providers() override { return providers_; }
  ModelRepository& models() override { return models_; }
  UsageRepository& usage() override { return usage_; }
  AuditRepository& audit() override { return audit_; }
  SessionRepository& sessions() override { return sessions_; }

  SqlDatabase& database() { return *database_; }

private:
  std::unique_ptr<SqlDatabase> database_;
  Migrator migrator_;
  SqlUserRepository users_;
  SqlTeamRepository teams_;
  SqlApiKeyRepository apiKeys_;
  SqlProviderRepository providers_;
  SqlModelRepository models_;
  SqlUsageRepository usage_;
  SqlAuditRepository audit_;
  SqlSessionRepository sessions_;
};

} // namespace gatehouse::store
