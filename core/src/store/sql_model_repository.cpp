#include <gatehouse/store/sql_model_repository.hpp>
#include <gatehouse/store/store_clock.hpp>
#include <gatehouse/store/store_error.hpp>

namespace gatehouse::store {
namespace {

const std::string kSelectModels =
    "SELECT name, description, enabled, created_at_ms, updated_at_ms FROM models ";
const std::string kSelectPrices =
    "SELECT provider_name, model, effective_from_ms, input_per_mtok, cached_input_per_mtok, output_per_mtok, "
    "per_image, per_audio_minute, per_mchar FROM model_prices ";

bool exists(SqlConnection& connection, const std::string& sql, const std::string& value) {
  const auto rows = connection.query(sql, {value});
  return !rows.empty() && rows.front().int64(0) > 0;
}

} // namespace

void SqlModelRepository::put(const Model& model) {
  const SqlDialect& dialect = database_.dialect();
  const std::string sql =
      "INSERT INTO models (name, description, enabled, created_at_ms, updated_at_ms) "
      "VALUES (?, ?, ?, ?, ?) " +
      dialect.onConflictUpdate("name") + " description = " + dialect.proposed("description") +
      ", enabled = " + dialect.proposed("enabled") + ", updated_at_ms = " + dialect.proposed("updated_at_ms");
  const std::int64_t now = currentTimeMs();
  database_.write(WriteRetry::Always, [&](SqlConnection& connection) {
    // Names clients send must resolve one way only.
    if (exists(connection, "SELECT COUNT(*) FROM model_aliases WHERE alias = ?", model.name))
      throw StoreError(StoreError::Kind::Conflict, "a model alias already has that name");
    connection.execute(sql,
                       {model.name, model.description, sqlBool(model.enabled), sqlInt(now), sqlInt(now)});
  });
}

std::vector<Model> SqlModelRepository::selectModels(const std::string& whereAndOrder,
                                                    const SqlParams& params) {
  std::vector<Model> models;
  database_.read([&](SqlConnection& connection) {
    models.clear();
    for (const SqlRow& row : connection.query(kSelectModels + whereAndOrder, params)) {
      models.push_back(Model{row.text(0), row.text(1), row.int64(2) != 0, row.int64(3), row.int64(4)});
    }
  });
  return models;
}

std::optional<Model> SqlModelRepository::find(const std::string& name) {
  auto models = selectModels("WHERE name = ?", {name});
  return models.empty() ? std::nullopt : std::optional<Model>(std::move(models.front()));
}

std::vector<Model> SqlModelRepository::list() {
  return selectModels("ORDER BY name", {});
}

void SqlModelRepository::setRoutes(const std::string& modelName, const std::vector<ModelRoute>& routes) {
  database_.write(WriteRetry::Always, [&](SqlConnection& connection) {
    if (!exists(connection, "SELECT COUNT(*) FROM models WHERE name = ?", modelName))
      throw StoreError(StoreError::Kind::Conflict, "routes need an existing model");
    connection.execute("DELETE FROM model_routes WHERE model_name = ?", {modelName});
    for (const ModelRoute& route : routes) {
      connection.execute("INSERT INTO model_routes (model_name, priority, provider_name, credential_id, "
                         "upstream_model, weight) VALUES (?, ?, ?, ?, ?, ?)",
                         {modelName, sqlInt(route.priority), route.providerName,
                          sqlNullIfEmpty(route.credentialId), route.upstreamModel, sqlInt(route.weight)});
    }
  });
}

std::vector<ModelRoute> SqlModelRepository::routes(const std::string& modelName) {
  std::vector<ModelRoute> routes;
  database_.read([&](SqlConnection& connection) {
    routes.clear();
    const auto rows =
        connection.query("SELECT model_name, priority, provider_name, credential_id, upstream_model, "
                         "weight FROM model_routes WHERE model_name = ? "
                         "ORDER BY priority, provider_name, id",
                         {modelName});
    for (const SqlRow& row : rows) {
      routes.push_back(ModelRoute{row.text(0), static_cast<int>(row.int64(1)), row.text(2), row.text(3),
                                  row.text(4), static_cast<int>(row.int64(5))});
    }
  });
  return routes;
}

void SqlModelRepository::addAlias(const ModelAlias& alias) {
  database_.write(WriteRetry::BeforeCommitOnly, [&](SqlConnection& connection) {
    if (exists(connection, "SELECT COUNT(*) FROM models WHERE name = ?", alias.alias))
      throw StoreError(StoreError::Kind::Conflict, "a model already has that name");
    connection.execute("INSERT INTO model_aliases (alias, model_name) VALUES (?, ?)",
                       {alias.alias, alias.modelName});
  });
}

bool SqlModelRepository::removeAlias(const std::string& alias) {
  std::int64_t removed = 0;
  database_.write(WriteRetry::Always, [&](SqlConnection& connection) {
    removed = connection.execute("DELETE FROM model_aliases WHERE alias = ?", {alias});
  });
  return removed > 0;
}

std::optional<std::string> SqlModelRepository::resolveAlias(const std::string& alias) {
  std::optional<std::string> model;
  database_.read([&](SqlConnection& connection) {
    const auto rows = connection.query("SELECT model_name FROM model_aliases WHERE alias = ?", {alias});
    model = rows.empty() ? std::nullopt : std::optional<std::string>(rows.front().text(0));
  });
  return model;
}

std::vector<ModelAlias> SqlModelRepository::aliases() {
  std::vector<ModelAlias> aliases;
  database_.read([&](SqlConnection& connection) {
    aliases.clear();
    for (const SqlRow& row : connection.query("SELECT alias, model_name FROM model_aliases ORDER BY alias")) {
      aliases.push_back(ModelAlias{row.text(0), row.text(1)});
    }
  });
  return aliases;
}

void SqlModelRepository::putPrice(const ModelPrice& price) {
  const SqlDialect& dialect = database_.dialect();
  std::string sql = "INSERT INTO model_prices (provider_name, model, effective_from_ms, input_per_mtok, "
                    "cached_input_per_mtok, output_per_mtok, per_image, per_audio_minute, per_mchar) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) " +
                    dialect.onConflictUpdate("provider_name, model, effective_from_ms");
  const char* updated[] = {"input_per_mtok", "cached_input_per_mtok", "output_per_mtok",
                           "per_image",      "per_audio_minute",      "per_mchar"};
  for (std::size_t i = 0; i < std::size(updated); ++i) {
    sql.append(i == 0 ? " " : ", ").append(updated[i]).append(" = ").append(dialect.proposed(updated[i]));
  }
  database_.write(WriteRetry::Always, [&](SqlConnection& connection) {
    connection.execute(sql, {price.providerName, price.model, sqlInt(price.effectiveFromMs),
                             sqlInt(price.inputPerMillionTokens), sqlInt(price.cachedInputPerMillionTokens),
                             sqlInt(price.outputPerMillionTokens), sqlInt(price.perImage),
                             sqlInt(price.perAudioMinute), sqlInt(price.perMillionCharacters)});
  });
}

std::vector<ModelPrice> SqlModelRepository::selectPrices(const std::string& whereAndOrder,
                                                         const SqlParams& params) {
  std::vector<ModelPrice> prices;
  database_.read([&](SqlConnection& connection) {
    prices.clear();
    for (const SqlRow& row : connection.query(kSelectPrices + whereAndOrder, params)) {
      prices.push_back(ModelPrice{row.text(0), row.text(1), row.int64(2), row.int64(3), row.int64(4),
                                  row.int64(5), row.int64(6), row.int64(7), row.int64(8)});
    }
  });
  return prices;
}

std::optional<ModelPrice> SqlModelRepository::priceAt(const std::string& providerName,
                                                      const std::string& model, std::int64_t atMs) {
  auto prices = selectPrices("WHERE provider_name = ? AND model = ? AND effective_from_ms <= ? "
                             "ORDER BY effective_from_ms DESC LIMIT 1",
                             {providerName, model, sqlInt(atMs)});
  return prices.empty() ? std::nullopt : std::optional<ModelPrice>(std::move(prices.front()));
}

std::vector<ModelPrice> SqlModelRepository::prices() {
  return selectPrices("ORDER BY provider_name, model, effective_from_ms", {});
}

} // namespace gatehouse::store
