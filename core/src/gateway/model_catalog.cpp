#include <gatehouse/common/log.hpp>
#include <gatehouse/gateway/model_catalog.hpp>

#include <stdexcept>

namespace gatehouse::gateway {
namespace {

ModelRoute routeTo(const std::string& canonicalName, const std::string& upstreamModel,
                   const std::shared_ptr<Provider>& provider) {
  return ModelRoute{canonicalName, upstreamModel, provider.get()};
}

} // namespace

ModelCatalog::ModelCatalog(const std::vector<ProviderConfig>& config, const ProviderMap& providers) {
  for (const ProviderConfig& providerConfig : config) {
    const auto found = providers.find(providerConfig.name);
    if (found == providers.end() || !found->second) {
      throw std::invalid_argument("provider '" + providerConfig.name + "' has no instance");
    }
    if (providerConfig.listUpstreamModels)
      listingProviders_.push_back({providerConfig.name, found->second});
    for (const ModelConfig& model : providerConfig.models) {
      ++modelCount_;
      const Entry entry{model.name, model.upstreamModel.empty() ? model.name : model.upstreamModel,
                        found->second};
      std::vector<std::string> names{model.name};
      names.insert(names.end(), model.aliases.begin(), model.aliases.end());
      for (const std::string& name : names) {
        if (byName_.try_emplace(name, entry).second) {
          listing_.push_back(ModelListing{name, providerConfig.name});
        } else {
          log::warn("gateway", "model name '" + name + "' of provider '" + providerConfig.name +
                                   "' is already taken; the first provider keeps it");
        }
        byQualifiedName_.try_emplace(providerConfig.name + "/" + name, entry);
      }
    }
  }
}

std::optional<ModelRoute> ModelCatalog::resolve(std::string_view requested) const {
  if (const auto exact = byName_.find(requested); exact != byName_.end())
    return routeTo(exact->second.canonicalName, exact->second.upstreamModel, exact->second.provider);
  if (const auto qualified = byQualifiedName_.find(requested); qualified != byQualifiedName_.end()) {
    return routeTo(qualified->second.canonicalName, qualified->second.upstreamModel,
                   qualified->second.provider);
  }
  // A handful of listing providers at most: a scan is cheaper than another map.
  for (const ListingProvider& listing : listingProviders_) {
    const std::string& name = listing.name;
    if (requested.size() > name.size() + 1 && requested.substr(0, name.size()) == name &&
        requested[name.size()] == '/') {
      return ModelRoute{requested, requested.substr(name.size() + 1), listing.provider.get()};
    }
  }
  return std::nullopt;
}

} // namespace gatehouse::gateway
