// ProviderRepository in SQL, for every SqlDatabase.
#pragma once

#include <gatehouse/store/provider_repository.hpp>
#include <gatehouse/store/sql_database.hpp>

namespace gatehouse::store {

class SqlProviderRepository final : public ProviderRepository {
public:
  explicit SqlProviderRepository(SqlDatabase& database) : database_(database) {}

  void put(const Provider& provider) override;
  std::optional<Provider> find(const std::string& name) override;
  std::vector<Provider> list() override;
  ProviderCredential addCredential(const NewProviderCredential& credential) override;
  std::optional<ProviderCredential> findCredential(const std::string& id) override;
  std::vector<ProviderCredential> credentials(const std::string& providerName) override;
  bool revokeCredential(const std::string& id, std::int64_t atMs) override;

private:
  std::vector<Provider> selectProviders(const std::string& whereAndOrder, const SqlParams& params);
  std::vector<ProviderCredential> selectCredentials(const std::string& whereAndOrder,
                                                    const SqlParams& params);

  SqlDatabase& database_;
};

} // namespace gatehouse::store
