#include <gatehouse/store/id_generator.hpp>
#include <gatehouse/store/sql_api_key_repository.hpp>
#include <gatehouse/store/store_clock.hpp>
#include <gatehouse/store/store_error.hpp>

#include <algorithm>

namespace gatehouse::store {
namespace {

const std::string kSelect =
    "SELECT id, key_hash, prefix, owner_user_id, team_id, name, role, scopes, rpm_limit, tpm_limit, "
    "monthly_budget_micro_usd, expires_at_ms, revoked_at_ms, created_at_ms, updated_at_ms, change_seq FROM "
    "api_keys ";

// Scopes are stored space-separated: they are short tokens such as "chat" or "admin:keys".
std::string joinScopes(const std::vector<std::string>& scopes) {
  std::string joined;
  for (const std::string& scope : scopes) {
    const bool blank = scope.empty() || std::any_of(scope.begin(), scope.end(), [](char c) {
                         return c == ' ' || c == '\t' || c == '\n' || c == '\r';
                       });
    if (blank)
      throw StoreError(StoreError::Kind::Invalid,
                       "an API key scope must be non-empty and without whitespace");
    if (!joined.empty())
      joined += ' ';
    joined += scope;
  }
  return joined;
}

std::vector<std::string> splitScopes(const std::string& joined) {
  std::vector<std::string> scopes;
  std::size_t start = 0;
  while (start < joined.size()) {
    std::size_t end = joined.find(' ', start);
    if (end == std::string::npos)
      end = joined.size();
    if (end > start)
      scopes.push_back(joined.substr(start, end - start));
    start = end + 1;
  }
  return scopes;
}

ApiKey toKey(const SqlRow& row) {
  ApiKey key;
  key.id = row.text(0);
  key.keyHash = row.text(1);
  key.prefix = row.text(2);
  key.ownerUserId = row.text(3);
  key.teamId = row.text(4);
  key.name = row.text(5);
  key.role = static_cast<Role>(row.int64(6));
  key.scopes = splitScopes(row.text(7));
  key.limits.requestsPerMinute = row.optionalInt64(8);
  key.limits.tokensPerMinute = row.optionalInt64(9);
  key.limits.monthlyBudgetMicroUsd = row.optionalInt64(10);
  key.expiresAtMs = row.optionalInt64(11);
  key.revokedAtMs = row.optionalInt64(12);
  key.createdAtMs = row.int64(13);
  key.updatedAtMs = row.int64(14);
  key.changeSeq = row.int64(15);
  return key;
}

// The counter row stays locked until the transaction commits, so change numbers are handed out
// in commit order across every node (see ApiKeyRepository::changedSince).
std::int64_t nextChange(SqlConnection& connection) {
  connection.execute("UPDATE store_counters SET value = value + 1 WHERE name = 'api_key_changes'");
  const auto rows = connection.query("SELECT value FROM store_counters WHERE name = 'api_key_changes'");
  if (rows.empty())
    throw StoreError(StoreError::Kind::Internal, "store_counters has no api_key_changes row");
  return rows.front().int64(0);
}

} // namespace

ApiKey SqlApiKeyRepository::insert(const NewApiKey& newKey) {
  if (newKey.keyHash.empty())
    throw StoreError(StoreError::Kind::Invalid, "an API key needs its hash");
  ApiKey key;
  key.id = newId();
  key.keyHash = newKey.keyHash;
  key.prefix = newKey.prefix;
  key.ownerUserId = newKey.ownerUserId;
  key.teamId = newKey.teamId;
  key.name = newKey.name;
  key.role = newKey.role;
  key.scopes = newKey.scopes;
  key.limits = newKey.limits;
  key.expiresAtMs = newKey.expiresAtMs;
  key.createdAtMs = key.updatedAtMs = currentTimeMs();
  const std::string scopes = joinScopes(key.scopes);
  database_.write(WriteRetry::BeforeCommitOnly, [&](SqlConnection& connection) {
    key.changeSeq = nextChange(connection);
    connection.execute(
        "INSERT INTO api_keys (id, key_hash, prefix, owner_user_id, team_id, name, role, scopes, rpm_limit, "
        "tpm_limit, monthly_budget_micro_usd, expires_at_ms, revoked_at_ms, created_at_ms, updated_at_ms, "
        "change_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)",
        {key.id, key.keyHash, key.prefix, key.ownerUserId, sqlNullIfEmpty(key.teamId), key.name,
         sqlInt(static_cast<int>(key.role)), scopes, sqlOptional(key.limits.requestsPerMinute),
         sqlOptional(key.limits.tokensPerMinute), sqlOptional(key.limits.monthlyBudgetMicroUsd),
         sqlOptional(key.expiresAtMs), sqlInt(key.createdAtMs), sqlInt(key.updatedAtMs),
         sqlInt(key.changeSeq)});
  });
  return key;
}

std::vector<ApiKey> SqlApiKeyRepository::select(const std::string& whereAndOrder, const SqlParams& params) {
  std::vector<ApiKey> keys;
  database_.read([&](SqlConnection& connection) {
    keys.clear();
    for (const SqlRow& row : connection.query(kSelect + whereAndOrder, params))
      keys.push_back(toKey(row));
  });
  return keys;
}

std::optional<ApiKey> SqlApiKeyRepository::findByHash(const std::string& keyHash) {
  auto keys = select("WHERE key_hash = ?", {keyHash});
  return keys.empty() ? std::nullopt : std::optional<ApiKey>(std::move(keys.front()));
}

std::optional<ApiKey> SqlApiKeyRepository::findById(const std::string& id) {
  auto keys = select("WHERE id = ?", {id});
  return keys.empty() ? std::nullopt : std::optional<ApiKey>(std::move(keys.front()));
}

std::vector<ApiKey> SqlApiKeyRepository::listByOwner(const std::string& ownerUserId) {
  return select("WHERE owner_user_id = ? ORDER BY created_at_ms DESC, id", {ownerUserId});
}

bool SqlApiKeyRepository::changeKey(const std::string& sql, SqlParams params) {
  std::int64_t matched = 0;
  database_.write(WriteRetry::Always, [&](SqlConnection& connection) {
    params[0] = sqlInt(nextChange(connection));
    params[1] = sqlInt(currentTimeMs());
    matched = connection.execute(sql, params);
  });
  return matched > 0;
}

bool SqlApiKeyRepository::revoke(const std::string& id, std::int64_t atMs) {
  return changeKey("UPDATE api_keys SET change_seq = ?, updated_at_ms = ?, revoked_at_ms = ? "
                   "WHERE id = ? AND revoked_at_ms IS NULL",
                   {sqlNull(), sqlNull(), sqlInt(atMs), id});
}

bool SqlApiKeyRepository::updateScopes(const std::string& id, const std::vector<std::string>& scopes) {
  return changeKey("UPDATE api_keys SET change_seq = ?, updated_at_ms = ?, scopes = ? WHERE id = ?",
                   {sqlNull(), sqlNull(), joinScopes(scopes), id});
}

bool SqlApiKeyRepository::updateLimits(const std::string& id, const ApiKeyLimits& limits) {
  return changeKey("UPDATE api_keys SET change_seq = ?, updated_at_ms = ?, rpm_limit = ?, tpm_limit = ?, "
                   "monthly_budget_micro_usd = ? WHERE id = ?",
                   {sqlNull(), sqlNull(), sqlOptional(limits.requestsPerMinute),
                    sqlOptional(limits.tokensPerMinute), sqlOptional(limits.monthlyBudgetMicroUsd), id});
}

ApiKeyChanges SqlApiKeyRepository::changedSince(std::int64_t cursor, int limit) {
  ApiKeyChanges changes;
  changes.keys = select("WHERE change_seq > ? ORDER BY change_seq LIMIT ?",
                        {sqlInt(cursor), sqlInt(std::clamp(limit, 1, 10000))});
  changes.cursor = changes.keys.empty() ? cursor : changes.keys.back().changeSeq;
  return changes;
}

} // namespace gatehouse::store
