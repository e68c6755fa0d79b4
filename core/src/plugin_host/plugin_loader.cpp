#include <gatehouse/plugin_host/descriptor_reader.hpp>
#include <gatehouse/plugin_host/plugin_load_error.hpp>
#include <gatehouse/plugin_host/plugin_loader.hpp>

#include <utility>

namespace gatehouse {

std::filesystem::path resolvePluginPath(const PluginConfig& plugin, const std::string& pluginDir) {
  std::filesystem::path path(plugin.path);
  if (path.is_relative() && !pluginDir.empty()) {
    path = std::filesystem::path(pluginDir) / path;
  }
  if (path.is_relative()) {
    // Kept relative if the working directory is gone; the error will still name it.
    std::error_code ignored;
    std::filesystem::path absolute = std::filesystem::absolute(path, ignored);
    if (!absolute.empty()) {
      path = std::move(absolute);
    }
  }
  return path.lexically_normal();
}

std::string loadErrorMessage(const std::string& name, const std::filesystem::path& path,
                             const std::string& cause) {
  return "plugin '" + name + "' (" + path.string() + "): " + cause;
}

std::shared_ptr<LoadedPlugin> loadPlugin(const PluginConfig& plugin, const std::filesystem::path& path,
                                         HostServices services) {
  auto fail = [&](const std::string& cause) {
    return PluginLoadError(loadErrorMessage(plugin.name, path, cause));
  };

  PluginLibrary library;
  if (std::string cause = library.open(path); !cause.empty()) {
    throw fail(cause);
  }
  const gh_plugin_entry_fn entry = library.entryPoint();
  if (entry == nullptr) {
    throw fail("entry point " GH_PLUGIN_ENTRY_SYMBOL " not found");
  }

  PluginTables tables;
  if (auto refused = readDescriptor(entry(), tables)) {
    throw fail(*refused);
  }

  auto loaded = std::make_shared<LoadedPlugin>(std::move(library), tables, plugin.name, path.string(),
                                               plugin.configJson, services, plugin.upstream);
  if (PluginResult result = loaded->init(); !result.ok()) {
    throw fail("init failed: " + result.message);
  }
  return loaded;
}

} // namespace gatehouse
