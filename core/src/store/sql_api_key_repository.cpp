#include <gatehouse/store/id_generator.hpp>
#include <gatehouse/store/sql_api_key_repository.hpp>
#include <gatehouse/store/store_clock.hpp>
#include <gatehouse/store/store_error.hpp>

#include <algorithm>

namespace gatehouse::store {
namespace {

const std::string kSelect =
    "SELECT id, key_hash, prefix, owner_user_id, team_id, name, role, scopes, rpm_limit, tpm_limit, "
    "monthly_budget_micro_usd, expires_at_ms, revoked_at_ms, created_at_ms, updated_at_ms, change_seq, "
    "disabled FROM api_keys ";

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
  key.disabled = row.int64(16) != 0;
  return key;
}

// Reserves `count` consecutive change numbers and returns the last. The counter row stays locked
// until the transaction commits, so change numbers are handed out in commit order across every
// node (see ApiKeyRepository::changedSince).
std::int64_t reserveChanges(SqlConnection& connection, std::int64_t count) {
  connection.execute("UPDATE store_counters SET value = value + ? WHERE name = 'api_key_changes'",
                     {sqlInt(count)});
  const auto rows = connection.query("SELECT value FROM store_counters WHERE name = 'api_key_changes'");
  if (rows.empty())
    throw StoreError(StoreError::Kind::Internal, "store_counters has no api_key_changes row");
  return rows.front().int64(0);
}

std::int64_t nextChange(SqlConnection& connection) {
  return reserveChanges(connection, 1);
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
        "change_seq, disabled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)",
        {key.id, key.keyHash, key.prefix, key.ownerUserId, sqlNullIfEmpty(key.teamId), key.name,
         sqlInt(static_cast<int>(key.role)), scopes, sqlOptional(key.limits.requestsPerMinute),
         sqlOptional(key.limits.tokensPerMinute), sqlOptional(key.limits.monthlyBudgetMicroUsd),
         sqlOptional(key.expiresAtMs), sqlInt(key.createdAtMs), sqlInt(key.updatedAtMs),
         sqlInt(key.changeSeq), sqlBool(false)});
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

bool SqlApiKeyRepository::setDisabled(const std::string& id, bool disabled) {
  return changeKey("UPDATE api_keys SET change_seq = ?, updated_at_ms = ?, disabled = ? WHERE id = ?",
                   {sqlNull(), sqlNull(), sqlBool(disabled), id});
}

bool SqlApiKeyRepository::updateExpiry(const std::string& id, std::optional<std::int64_t> expiresAtMs) {
  return changeKey("UPDATE api_keys SET change_seq = ?, updated_at_ms = ?, expires_at_ms = ? WHERE id = ?",
                   {sqlNull(), sqlNull(), sqlOptional(expiresAtMs), id});
}

bool SqlApiKeyRepository::rename(const std::string& id, const std::string& name) {
  return changeKey("UPDATE api_keys SET change_seq = ?, updated_at_ms = ?, name = ? WHERE id = ?",
                   {sqlNull(), sqlNull(), name, id});
}

std::size_t SqlApiKeyRepository::touchOwner(const std::string& ownerUserId) {
  std::int64_t touched = 0;
  database_.write(WriteRetry::Always, [&](SqlConnection& connection) {
    touched = 0;
    const auto rows =
        connection.query("SELECT id FROM api_keys WHERE owner_user_id = ? ORDER BY id", {ownerUserId});
    if (rows.empty())
      return;
    // One number per key, never one shared by all: changedSince pages by change number, and a page
    // ending inside a run of equal numbers would make the next poll skip the rest of the run.
    const auto count = static_cast<std::int64_t>(rows.size());
    std::int64_t seq = reserveChanges(connection, count) - count;
    for (const SqlRow& row : rows) {
      touched +=
          connection.execute("UPDATE api_keys SET change_seq = ? WHERE id = ?", {sqlInt(++seq), row.text(0)});
    }
  });
  return static_cast<std::size_t>(touched);
}

std::vector<ApiKey> SqlApiKeyRepository::list(const std::string& afterId, int limit) {
  return select("WHERE id > ? ORDER BY id LIMIT ?", {afterId, sqlInt(std::clamp(limit, 1, 1000))});
}

ApiKeyChanges SqlApiKeyRepository::changedSince(std::int64_t cursor, int limit) {
  ApiKeyChanges changes;
  changes.keys = select("WHERE change_seq > ? ORDER BY change_seq LIMIT ?",
                        {sqlInt(cursor), sqlInt(std::clamp(limit, 1, 10000))});
  changes.cursor = changes.keys.empty() ? cursor : changes.keys.back().changeSeq;
  return changes;
}

} // namespace gatehouse::store
