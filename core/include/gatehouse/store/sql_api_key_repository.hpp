// ApiKeyRepository in SQL, for every SqlDatabase.
#pragma once

#include <gatehouse/store/api_key_repository.hpp>
#include <gatehouse/store/sql_database.hpp>

namespace gatehouse::store {

class SqlApiKeyRepository final : public ApiKeyRepository {
public:
  explicit SqlApiKeyRepository(SqlDatabase& database) : database_(database) {}

  ApiKey insert(const NewApiKey& key) override;
  std::optional<ApiKey> findByHash(const std::string& keyHash) override;
  std::optional<ApiKey> findById(const std::string& id) override;
  std::vector<ApiKey> listByOwner(const std::string& ownerUserId) override;
  bool revoke(const std::string& id, std::int64_t atMs) override;
  bool updateScopes(const std::string& id, const std::vector<std::string>& scopes) override;
  bool updateLimits(const std::string& id, const ApiKeyLimits& limits) override;
  bool setDisabled(const std::string& id, bool disabled) override;
  bool updateExpiry(const std::string& id, std::optional<std::int64_t> expiresAtMs) override;
  bool rename(const std::string& id, const std::string& name) override;
  std::size_t touchOwner(const std::string& ownerUserId) override;
  std::vector<ApiKey> list(const std::string& afterId, int limit) override;
  ApiKeyChanges changedSince(std::int64_t cursor, int limit) override;

private:
  std::vector<ApiKey> select(const std::string& whereAndOrder, const SqlParams& params);
  // Runs `sql` (whose first two parameters are the change number and the update time) on one
  // key, stamping it with the next change number; false when no row matched.
  bool changeKey(const std::string& sql, SqlParams params);

  SqlDatabase& database_;
};

} // namespace gatehouse::store
