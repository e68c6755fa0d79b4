// All of Gatehouse's state behind one interface, whichever database holds it. Get one from
// openStore() (open_store.hpp). Thread-safe: every method may be called from any thread.
#pragma once

#include <gatehouse/store/api_key_repository.hpp>
#include <gatehouse/store/audit_repository.hpp>
#include <gatehouse/store/migration_result.hpp>
#include <gatehouse/store/model_repository.hpp>
#include <gatehouse/store/provider_repository.hpp>
#include <gatehouse/store/session_repository.hpp>
#include <gatehouse/store/team_repository.hpp>
#include <gatehouse/store/usage_repository.hpp>
#include <gatehouse/store/user_repository.hpp>

#include <string_view>

namespace gatehouse::store {

class Store {
public:
  virtual ~Store() = default;

  virtual std::string_view driverName() const = 0; // "sqlite" or "mysql"
  // Throws StoreError(Unavailable) when the database does not answer.
  virtual void ping() = 0;
  virtual int schemaVersion() = 0;
  // Applies pending migrations (see migrator.hpp); safe to call on every node at once.
  virtual MigrationResult migrate() = 0;

  virtual UserRepository& users() = 0;
  virtual TeamRepository& teams() = 0;
  virtual ApiKeyRepository& apiKeys() = 0;
  virtual ProviderRepository& providers() = 0;
  virtual ModelRepository& models() = 0;
  virtual UsageRepository& usage() = 0;
  virtual AuditRepository& audit() = 0;
  virtual SessionRepository& sessions() = 0; // schema version 6
};

} // namespace gatehouse::store
