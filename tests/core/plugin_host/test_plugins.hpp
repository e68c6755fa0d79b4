// Paths to the plain-C test plugins (tests/abi) and config builders around them.
#pragma once

#include <gatehouse/config/config.hpp>

#include <string>
#include <utility>
#include <vector>

namespace gatehouse::host_testing {

// The built test plugin `name` (e.g. "good_provider"), as an absolute path.
inline std::string testPluginPath(const std::string& name) {
  return std::string(GATEHOUSE_TEST_PLUGIN_DIR) + "/" + name + ".so";
}

inline PluginConfig pluginEntry(std::string name, std::string path, std::string configJson = "{}") {
  PluginConfig plugin;
  plugin.name = std::move(name);
  plugin.path = std::move(path);
  plugin.configJson = std::move(configJson);
  return plugin;
}

inline GatewayConfig gatewayWith(std::vector<PluginConfig> plugins) {
  GatewayConfig config;
  config.plugins = std::move(plugins);
  return config;
}

inline ProviderConfig providerEntry(std::string name, std::string plugin, std::string configJson = "{}") {
  ProviderConfig provider;
  provider.name = std::move(name);
  provider.plugin = std::move(plugin);
  provider.configJson = std::move(configJson);
  return provider;
}

// {"trace_file":"<path>"}: makes good_provider / good_billing log lifecycle events there.
inline std::string traceConfig(const std::string& path) {
  return "{\"trace_file\":\"" + path + "\"}";
}

} // namespace gatehouse::host_testing
