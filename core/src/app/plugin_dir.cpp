#include <gatehouse/app/plugin_dir.hpp>

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace gatehouse::app {
namespace {

std::string canonical(const std::string& path) {
  std::error_code error;
  const auto resolved = std::filesystem::weakly_canonical(path, error);
  return error ? path : resolved.string();
}

} // namespace

ResolvedPluginDir resolvePluginDir(const PluginDirSources& sources) {
  if (sources.commandLine && !sources.commandLine->empty())
    return {*sources.commandLine, "--plugin-dir"};
  if (!sources.configValue.empty())
    return {sources.configValue, "config plugin_dir"};
  if (sources.environment && !sources.environment->empty())
    return {*sources.environment, "GATEHOUSE_PLUGIN_DIR"};
  if (!sources.executableDir.empty() && !sources.buildBinDir.empty() &&
      canonical(sources.executableDir) == canonical(sources.buildBinDir)) {
    return {sources.buildPluginDir, "build tree"};
  }
  return {sources.installPluginDir, "install default"};
}

PluginDirSources processPluginDirSources(std::optional<std::string> commandLine, std::string configValue) {
  PluginDirSources sources;
  sources.commandLine = std::move(commandLine);
  sources.configValue = std::move(configValue);
  if (const char* environment = std::getenv("GATEHOUSE_PLUGIN_DIR"))
    sources.environment = environment;
  std::error_code error;
  const auto executable = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error)
    sources.executableDir = executable.parent_path().string();
  sources.buildBinDir = GATEHOUSE_BUILD_BIN_DIR;
  sources.buildPluginDir = GATEHOUSE_BUILD_PLUGIN_DIR;
  sources.installPluginDir = GATEHOUSE_INSTALL_PLUGIN_DIR;
  return sources;
}

} // namespace gatehouse::app
