// One configured provider (a providers[] entry) backed by a provider plugin.
#pragma once

#include <gatehouse/plugin_host/exchange.hpp>
#include <gatehouse/plugin_host/plugin_result.hpp>

#include <memory>
#include <string>

namespace gatehouse {

class LoadedPlugin;

// Holds its plugin (and so the library) alive for as long as the instance lives, even
// after the PluginHost that made it is gone. Safe to call from many threads at once.
class ProviderInstance {
public:
  // Takes ownership of `instance`, which `plugin`'s create() returned.
  ProviderInstance(std::shared_ptr<LoadedPlugin> plugin, std::string name, void* instance);
  // Calls the plugin's destroy().
  ~ProviderInstance();
  ProviderInstance(const ProviderInstance&) = delete;
  ProviderInstance& operator=(const ProviderInstance&) = delete;

  const std::string& name() const { return name_; }
  const std::string& pluginName() const;
  // Calls the plugin's handle(). Never throws; a plugin's failure comes back as status
  // and message (see resultOf).
  PluginResult handle(Exchange& exchange);

private:
  std::shared_ptr<LoadedPlugin> plugin_;
  std::string name_;
  void* instance_;
};

} // namespace gatehouse
