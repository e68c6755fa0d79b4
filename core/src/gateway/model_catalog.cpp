#include <gatehouse/common/log.hpp>
#include <gatehouse/gateway/model_catalog.hpp>

#include <stdexcept>

namespace gatehouse::gateway {

ModelCatalog::ModelCatalog(const std::vector<ProviderConfig>& config, const ProviderMap& providers) {
  for (const ProviderConfig& providerConfig : config) {
    const auto found = providers.find(providerConfig.name);
    if (found == providers.end() || !found->second) {
      throw std::invalid_argument("provider '" + providerConfig.name + "' has no instance");
    }
    for (const ModelConfig& model : providerConfig.models) {
      ++modelCount_;
      const ModelRoute route{model.name, model.upstreamModel.empty() ? model.name : model.upstreamModel,
                             found->second};
      std::vector<std::string> names{model.name};
      names.insert(names.end(), model.aliases.begin(), model.aliases.end());
      for (const std::string& name : names) {
        if (byName_.try_emplace(name, route).second) {
          listing_.push_back(ModelListing{name, providerConfig.name});
        } else {
          log::warn("gateway", "model name '" + name + "' of provider '" + providerConfig.name +
                                   "' is already taken; the first provider keeps it");
        }
        byQualifiedName_.try_emplace(providerConfig.name + "/" + name, route);
      }
    }
  }
}

const ModelRoute* ModelCatalog::resolve(std::string_view requested) const {
  if (const auto exact = byName_.find(requested); exact != byName_.end())
    return &exact->second;
  if (const auto qualified = byQualifiedName_.find(requested); qualified != byQualifiedName_.end()) {
    return &qualified->second;
  }
  return nullptr;
}

} // namespace gatehouse::gateway
