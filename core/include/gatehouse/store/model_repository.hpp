// Models, their routes and aliases, and prices. Every method throws StoreError on failure.
#pragma once

#include <gatehouse/store/model.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gatehouse::store {

class ModelRepository {
public:
  virtual ~ModelRepository() = default;

  virtual void put(const Model& model) = 0; // inserts or replaces by name
  virtual std::optional<Model> find(const std::string& name) = 0;
  virtual std::vector<Model> list() = 0; // ordered by name

  // Replaces every route of the model in one transaction, so readers never see half a change.
  // Conflict when the model does not exist.
  virtual void setRoutes(const std::string& modelName, const std::vector<ModelRoute>& routes) = 0;
  virtual std::vector<ModelRoute> routes(const std::string& modelName) = 0; // by priority, then provider

  // Conflict when the alias is taken or the model does not exist.
  virtual void addAlias(const ModelAlias& alias) = 0;
  virtual bool removeAlias(const std::string& alias) = 0;
  virtual std::optional<std::string> resolveAlias(const std::string& alias) = 0;
  virtual std::vector<ModelAlias> aliases() = 0; // ordered by alias

  // Inserts or replaces the price with the same provider, model and effectiveFromMs.
  virtual void putPrice(const ModelPrice& price) = 0;
  // The price in force at `atMs`: the latest one whose effectiveFromMs <= atMs.
  virtual std::optional<ModelPrice> priceAt(const std::string& providerName, const std::string& model,
                                            std::int64_t atMs) = 0;
  virtual std::vector<ModelPrice> prices() = 0; // by provider, model, effectiveFromMs
};

} // namespace gatehouse::store
