// Where relative plugin paths are looked up, in order of precedence:
//   --plugin-dir, the config's plugin_dir, $GATEHOUSE_PLUGIN_DIR, then the compiled-in
//   default: the build tree's plugin folder when this executable runs from the build
//   tree, else the install folder (<libdir>/gatehouse/plugins).
#pragma once

#include <optional>
#include <string>

namespace gatehouse::app {

struct PluginDirSources {
  std::optional<std::string> commandLine;
  std::string configValue; // empty: not set
  std::optional<std::string> environment;
  std::string executableDir; // directory of the running executable
  std::string buildBinDir;   // where the build tree puts the executable
  std::string buildPluginDir;
  std::string installPluginDir;
};

struct ResolvedPluginDir {
  std::string path;
  std::string
      source; // "--plugin-dir", "config plugin_dir", "GATEHOUSE_PLUGIN_DIR", "build tree", "install default"
};

ResolvedPluginDir resolvePluginDir(const PluginDirSources& sources);

// The sources as this process sees them: the environment, /proc/self/exe and the
// directories compiled in by the build.
PluginDirSources processPluginDirSources(std::optional<std::string> commandLine, std::string configValue);

} // namespace gatehouse::app
