// Providers and their encrypted credentials. Every method throws StoreError on failure.
#pragma once

#include <gatehouse/store/provider.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace gatehouse::store {

class ProviderRepository {
public:
  virtual ~ProviderRepository() = default;

  // Inserts or replaces plugin, config and enabled of the provider with that name.
  virtual void put(const Provider& provider) = 0;
  virtual std::optional<Provider> find(const std::string& name) = 0;
  virtual std::vector<Provider> list() = 0; // ordered by name

  // Conflict when the provider does not exist.
  virtual ProviderCredential addCredential(const NewProviderCredential& credential) = 0;
  virtual std::optional<ProviderCredential> findCredential(const std::string& id) = 0;
  virtual std::vector<ProviderCredential> credentials(const std::string& providerName) = 0; // oldest first
  virtual bool revokeCredential(const std::string& id, std::int64_t atMs) = 0;
};

} // namespace gatehouse::store
