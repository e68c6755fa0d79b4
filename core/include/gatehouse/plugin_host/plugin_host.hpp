// Loads the configured plugins and gives the rest of core typed, exception-safe handles
// to them. Everything that touches the C ABI lives under plugin_host/; this header is
// the one the rest of core includes.
#pragma once

#include <gatehouse/config/config.hpp>
#include <gatehouse/plugin_abi.h>
#include <gatehouse/plugin_host/auth_plugin.hpp>
#include <gatehouse/plugin_host/billing_plugin.hpp>
#include <gatehouse/plugin_host/exchange.hpp>
#include <gatehouse/plugin_host/host_api.hpp>
#include <gatehouse/plugin_host/host_services.hpp>
#include <gatehouse/plugin_host/plugin_load_error.hpp>
#include <gatehouse/plugin_host/plugin_result.hpp>
#include <gatehouse/plugin_host/principal.hpp>
#include <gatehouse/plugin_host/provider_instance.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace gatehouse {

class LoadedPlugin;

class PluginHost {
public:
  // Loads every plugin in config.plugins, in order, performs the handshake and calls
  // init. Throws PluginLoadError (one line, naming file and cause) on the first
  // failure: missing file, not a shared library, missing entry point, wrong magic,
  // other ABI major, newer ABI minor, bad descriptor, init failing, duplicate name.
  // Plugins already initialised when a later one fails are shut down again.
  // `services` back the ABI 1.2 credential_find and identity_resolve of every plugin
  // (null members: those calls answer GH_ERROR_UNAVAILABLE) and must outlive the host and
  // every AuthPlugin, BillingPlugin or ProviderInstance copy made from it. Each plugin's
  // http_send goes through its own upstream client, made from plugins[].upstream on first use.
  static std::unique_ptr<PluginHost> load(const GatewayConfig& config, HostServices services = {});
  // Shuts plugins down in reverse load order, except those still held by instances
  // (ProviderInstance, AuthPlugin or BillingPlugin copies): they go with the last one.
  ~PluginHost();
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;

  // Creates the provider instance for one providers[] entry. Throws PluginLoadError
  // "provider '<name>': ..." when the plugin is unknown, not a provider, or create()
  // fails.
  std::shared_ptr<ProviderInstance> createProvider(const ProviderConfig& provider) const;

  // In configured order.
  const std::vector<AuthPlugin>& authPlugins() const { return authPlugins_; }
  const std::vector<BillingPlugin>& billingPlugins() const { return billingPlugins_; }
  std::size_t pluginCount() const { return plugins_.size(); }
  // Names and kinds of loaded plugins, in load order, for /readyz and logs.
  std::vector<std::pair<std::string, gh_plugin_kind>> describe() const;

private:
  PluginHost() = default;
  std::shared_ptr<LoadedPlugin> findPlugin(const std::string& name) const; // nullptr when absent
  std::vector<std::shared_ptr<LoadedPlugin>> plugins_;
  std::vector<AuthPlugin> authPlugins_;
  std::vector<BillingPlugin> billingPlugins_;
};

} // namespace gatehouse
