// Turns one plugins[] entry into a LoadedPlugin, or a one-line PluginLoadError.
#pragma once

#include <gatehouse/config/config.hpp>
#include <gatehouse/plugin_host/loaded_plugin.hpp>

#include <filesystem>
#include <memory>
#include <string>

namespace gatehouse {

// Where `plugin.path` points: as written when absolute, else under `pluginDir`, made
// absolute against the working directory when still relative, lexically normalised.
std::filesystem::path resolvePluginPath(const PluginConfig& plugin, const std::string& pluginDir);

// Opens the library at `path`, performs the handshake and calls init. Throws
// PluginLoadError "plugin '<name>' (<path>): <cause>" on any failure. No plugin code
// but the entry point runs before the handshake has passed. `services` back the plugin's
// credential_find and identity_resolve; plugin.upstream configures its http_send.
std::shared_ptr<LoadedPlugin> loadPlugin(const PluginConfig& plugin, const std::filesystem::path& path,
                                         HostServices services = {});

// The one-line message format every load failure uses.
std::string loadErrorMessage(const std::string& name, const std::filesystem::path& path,
                             const std::string& cause);

} // namespace gatehouse
