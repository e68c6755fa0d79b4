// ModelRepository in SQL, for every SqlDatabase.
#pragma once

#include <gatehouse/store/model_repository.hpp>
#include <gatehouse/store/sql_database.hpp>

namespace gatehouse::store {

class SqlModelRepository final : public ModelRepository {
public:
  explicit SqlModelRepository(SqlDatabase& database) : database_(database) {}

  void put(const Model& model) override;
  std::optional<Model> find(const std::string& name) override;
  std::vector<Model> list() override;
  void setRoutes(const std::string& modelName, const std::vector<ModelRoute>& routes) override;
  std::vector<ModelRoute> routes(const std::string& modelName) override;
  void addAlias(const ModelAlias& alias) override;
  bool removeAlias(const std::string& alias) override;
  std::optional<std::string> resolveAlias(const std::string& alias) override;
  std::vector<ModelAlias> aliases() override;
  void putPrice(const ModelPrice& price) override;
  std::optional<ModelPrice> priceAt(const std::string& providerName, const std::string& model,
                                    std::int64_t atMs) override;
  std::vector<ModelPrice> prices() override;

private:
  std::vector<Model> selectModels(const std::string& whereAndOrder, const SqlParams& params);
  std::vector<ModelPrice> selectPrices(const std::string& whereAndOrder, const SqlParams& params);

  SqlDatabase& database_;
};

} // namespace gatehouse::store
