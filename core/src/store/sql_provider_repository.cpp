#include <gatehouse/store/id_generator.hpp>
#include <gatehouse/store/sql_provider_repository.hpp>
#include <gatehouse/store/store_clock.hpp>

namespace gatehouse::store {
namespace {

const std::string kSelectProviders =
    "SELECT name, plugin, config_json, enabled, created_at_ms, updated_at_ms FROM providers ";
const std::string kSelectCredentials =
    "SELECT id, provider_name, label, key_id, nonce, ciphertext, revoked_at_ms, created_at_ms "
    "FROM provider_credentials ";

} // namespace

void SqlProviderRepository::put(const Provider& provider) {
  const SqlDialect& dialect = database_.dialect();
  const std::string sql =
      "INSERT INTO providers (name, plugin, config_json, enabled, created_at_ms, updated_at_ms) "
      "VALUES (?, ?, ?, ?, ?, ?) " +
      dialect.onConflictUpdate("name") + " plugin = " + dialect.proposed("plugin") +
      ", config_json = " + dialect.proposed("config_json") + ", enabled = " + dialect.proposed("enabled") +
      ", updated_at_ms = " + dialect.proposed("updated_at_ms");
  const std::int64_t now = currentTimeMs();
  database_.write(WriteRetry::Always, [&](SqlConnection& connection) {
    connection.execute(sql, {provider.name, provider.plugin, provider.configJson, sqlBool(provider.enabled),
                             sqlInt(now), sqlInt(now)});
  });
}

std::vector<Provider> SqlProviderRepository::selectProviders(const std::string& whereAndOrder,
                                                             const SqlParams& params) {
  std::vector<Provider> providers;
  database_.read([&](SqlConnection& connection) {
    providers.clear();
    for (const SqlRow& row : connection.query(kSelectProviders + whereAndOrder, params)) {
      providers.push_back(
          Provider{row.text(0), row.text(1), row.text(2), row.int64(3) != 0, row.int64(4), row.int64(5)});
    }
  });
  return providers;
}

std::optional<Provider> SqlProviderRepository::find(const std::string& name) {
  auto providers = selectProviders("WHERE name = ?", {name});
  return providers.empty() ? std::nullopt : std::optional<Provider>(std::move(providers.front()));
}

std::vector<Provider> SqlProviderRepository::list() {
  return selectProviders("ORDER BY name", {});
}

ProviderCredential SqlProviderRepository::addCredential(const NewProviderCredential& credential) {
  ProviderCredential stored{newId(),          credential.providerName, credential.label, credential.keyId,
                            credential.nonce, credential.ciphertext,   std::nullopt,     currentTimeMs()};
  database_.write(WriteRetry::BeforeCommitOnly, [&](SqlConnection& connection) {
    connection.execute(
        "INSERT INTO provider_credentials (id, provider_name, label, key_id, nonce, ciphertext, "
        "revoked_at_ms, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)",
        {stored.id, stored.providerName, stored.label, stored.keyId, SqlBlob{stored.nonce},
         SqlBlob{stored.ciphertext}, sqlInt(stored.createdAtMs)});
  });
  return stored;
}

std::vector<ProviderCredential> SqlProviderRepository::selectCredentials(const std::string& whereAndOrder,
                                                                         const SqlParams& params) {
  std::vector<ProviderCredential> credentials;
  database_.read([&](SqlConnection& connection) {
    credentials.clear();
    for (const SqlRow& row : connection.query(kSelectCredentials + whereAndOrder, params)) {
      credentials.push_back(ProviderCredential{row.text(0), row.text(1), row.text(2), row.text(3),
                                               row.text(4), row.text(5), row.optionalInt64(6), row.int64(7)});
    }
  });
  return credentials;
}

std::optional<ProviderCredential> SqlProviderRepository::findCredential(const std::string& id) {
  auto credentials = selectCredentials("WHERE id = ?", {id});
  return credentials.empty() ? std::nullopt
                             : std::optional<ProviderCredential>(std::move(credentials.front()));
}

std::vector<ProviderCredential> SqlProviderRepository::credentials(const std::string& providerName) {
  return selectCredentials("WHERE provider_name = ? ORDER BY created_at_ms, id", {providerName});
}

bool SqlProviderRepository::revokeCredential(const std::string& id, std::int64_t atMs) {
  std::int64_t matched = 0;
  database_.write(WriteRetry::Always, [&](SqlConnection& connection) {
    matched = connection.execute(
        "UPDATE provider_credentials SET revoked_at_ms = ? WHERE id = ? AND revoked_at_ms IS NULL",
        {sqlInt(atMs), id});
  });
  return matched > 0;
}

} // namespace gatehouse::store
