// Maps the model names clients send to the provider that serves them. Built once at
// start-up from the config and read-only afterwards, so lookups take no lock.
#pragma once

#include <gatehouse/config/config.hpp>
#include <gatehouse/gateway/provider.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::gateway {

// Where one request goes. Views into the catalog, or (for "<provider>/<id>" of a
// provider that lists its upstream models) into the requested name: valid while both
// live, which covers the request that resolved it.
struct ModelRoute {
  std::string_view canonicalName; // models[].name; the requested name for "<provider>/<id>"
  std::string_view upstreamModel; // models[].upstream_model (defaults to the name), or <id>
  Provider* provider = nullptr;
};

// A provider whose upstream's own models are listed and routable as "<name>/<id>".
struct ListingProvider {
  std::string name; // providers[].name
  std::shared_ptr<Provider> provider;
};

// One entry of GET /v1/models: every configured name and alias.
struct ModelListing {
  std::string id;
  std::string ownedBy; // provider name
};

class ModelCatalog {
public:
  using ProviderMap = std::map<std::string, std::shared_ptr<Provider>, std::less<>>;

  // Throws std::invalid_argument when a configured provider has no entry in
  // `providers`. When two providers claim the same name the first one keeps it.
  ModelCatalog(const std::vector<ProviderConfig>& config, const ProviderMap& providers);

  // Resolves, in order: an exact model name or alias; "<provider>/<model or alias>" (so
  // names that contain '/' themselves still resolve exactly first); then
  // "<provider>/<any id>" for a provider with list_upstream_models, with <id> sent
  // upstream as is. nullopt when unknown.
  std::optional<ModelRoute> resolve(std::string_view requested) const;

  const std::vector<ModelListing>& listing() const { return listing_; }
  std::size_t modelCount() const { return modelCount_; }
  // The providers with list_upstream_models, in config order.
  const std::vector<ListingProvider>& listingProviders() const { return listingProviders_; }

private:
  struct Entry {
    std::string canonicalName;
    std::string upstreamModel;
    std::shared_ptr<Provider> provider;
  };

  std::map<std::string, Entry, std::less<>> byName_;
  std::map<std::string, Entry, std::less<>> byQualifiedName_;
  std::vector<ModelListing> listing_;
  std::vector<ListingProvider> listingProviders_;
  std::size_t modelCount_ = 0;
};

} // namespace gatehouse::gateway
