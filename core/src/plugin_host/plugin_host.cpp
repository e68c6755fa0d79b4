#include <gatehouse/common/log.hpp>
#include <gatehouse/plugin_host/abi_handles.hpp>
#include <gatehouse/plugin_host/abi_text.hpp>
#include <gatehouse/plugin_host/loaded_plugin.hpp>
#include <gatehouse/plugin_host/plugin_host.hpp>
#include <gatehouse/plugin_host/plugin_loader.hpp>

#include <algorithm>

namespace gatehouse {
namespace {

void logLoaded(const LoadedPlugin& plugin) {
  log::info("plugin_host", "loaded plugin '" + plugin.name() + "' (" + std::string(kindName(plugin.kind())) +
                               " " + plugin.typeName() + " " + plugin.version() + ") from " + plugin.path());
}

} // namespace

std::unique_ptr<PluginHost> PluginHost::load(const GatewayConfig& config, HostServices services) {
  // Built in place so a failure part-way destroys (and shuts down) what was loaded.
  std::unique_ptr<PluginHost> host(new PluginHost());
  for (const PluginConfig& plugin : config.plugins) {
    const std::filesystem::path path = resolvePluginPath(plugin, config.pluginDir);
    // Checked before opening, so a misnamed plugin's code never runs.
    if (plugin.name.empty()) {
      throw PluginLoadError(loadErrorMessage(plugin.name, path, "plugin name is empty"));
    }
    if (host->findPlugin(plugin.name) != nullptr) {
      throw PluginLoadError(loadErrorMessage(plugin.name, path, "duplicate plugin name"));
    }

    std::shared_ptr<LoadedPlugin> loaded = loadPlugin(plugin, path, services);
    logLoaded(*loaded);
    if (loaded->kind() == GH_KIND_AUTH) {
      host->authPlugins_.emplace_back(loaded);
    }
    if (loaded->kind() == GH_KIND_BILLING) {
      host->billingPlugins_.emplace_back(loaded);
    }
    host->plugins_.push_back(std::move(loaded));
  }
  return host;
}

PluginHost::~PluginHost() {
  authPlugins_.clear();
  billingPlugins_.clear();
  while (!plugins_.empty()) {
    plugins_.pop_back();
  }
}

std::shared_ptr<ProviderInstance> PluginHost::createProvider(const ProviderConfig& provider) const {
  const std::string prefix = "provider '" + provider.name + "': plugin '" + provider.plugin + "' ";
  const std::shared_ptr<LoadedPlugin> plugin = findPlugin(provider.plugin);
  if (plugin == nullptr) {
    throw PluginLoadError(prefix + "is not loaded");
  }
  if (plugin->kind() != GH_KIND_PROVIDER) {
    throw PluginLoadError(prefix + "is not a provider plugin (it is " +
                          std::string(kindName(plugin->kind())) + ")");
  }

  HostCall call;
  void* instance = nullptr;
  const std::string configJson = provider.configJson.empty() ? std::string("{}") : provider.configJson;
  const gh_status status = plugin->provider().create(plugin->state(), call.handle(), strOf(provider.name),
                                                     strOf(configJson), &instance);
  if (PluginResult result = resultOf(status, std::move(call.error), plugin->name()); !result.ok()) {
    throw PluginLoadError("provider '" + provider.name + "': create failed: " + result.message);
  }
  return std::make_shared<ProviderInstance>(plugin, provider.name, instance);
}

std::shared_ptr<LoadedPlugin> PluginHost::findPlugin(const std::string& name) const {
  const auto found = std::find_if(plugins_.begin(), plugins_.end(),
                                  [&](const auto& loaded) { return loaded->name() == name; });
  return found == plugins_.end() ? nullptr : *found;
}

std::vector<std::pair<std::string, gh_plugin_kind>> PluginHost::describe() const {
  std::vector<std::pair<std::string, gh_plugin_kind>> result;
  result.reserve(plugins_.size());
  for (const auto& plugin : plugins_) {
    result.emplace_back(plugin->name(), plugin->kind());
  }
  return result;
}

} // namespace gatehouse
