// The `gatehouse` command line:
//   gatehouse [--config PATH] [--plugin-dir DIR]    serve
//   gatehouse --check-config PATH [--plugin-dir DIR] check a config and its plugins, exit
//   gatehouse migrate [--config PATH]               apply pending store migrations, exit
//   gatehouse --version | --help
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace gatehouse::app {

struct CliOptions {
  enum class Mode { Serve, CheckConfig, Migrate, Version, Help };
  Mode mode = Mode::Serve;
  std::optional<std::string> configPath; // --config or --check-config
  std::optional<std::string> pluginDir;  // --plugin-dir
};

// Accepts "--opt value" and "--opt=value"; "migrate" as the first argument means --migrate. Returns a one-line error (without the
// "gatehouse: " prefix) for unknown options, missing values and repeated options.
std::variant<CliOptions, std::string> parseCli(const std::vector<std::string>& args);

std::string usageText();

} // namespace gatehouse::app
