// Maps the model names clients send to the provider that serves them. Built once at
// start-up from the config and read-only afterwards, so lookups take no lock.
#pragma once

#include <gatehouse/config/config.hpp>
#include <gatehouse/gateway/provider.hpp>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::gateway {

struct ModelRoute {
  std::string canonicalName; // models[].name
  std::string upstreamModel; // models[].upstream_model (defaults to the name)
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

  // Resolves, in order: an exact model name or alias, then "<provider>/<model or
  // alias>" (so names that contain '/' themselves still resolve exactly first).
  // nullptr when unknown.
  const ModelRoute* resolve(std::string_view requested) const;

  const std::vector<ModelListing>& listing() const { return listing_; }
  std::size_t modelCount() const { return modelCount_; }

private:
  std::map<std::string, ModelRoute, std::less<>> byName_;
  std::map<std::string, ModelRoute, std::less<>> byQualifiedName_;
  std::vector<ModelListing> listing_;
  std::size_t modelCount_ = 0;
};

} // namespace gatehouse::gateway
