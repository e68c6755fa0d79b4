// The `gatehouse` command line:
//   gatehouse [--config PATH] [--plugin-dir DIR]    serve
//   gatehouse --check-config PATH [--plugin-dir DIR] check a config and its plugins, exit
//   gatehouse migrate [--config PATH]               apply pending store migrations, exit
//   gatehouse admin create-key --name NAME [--email E] [--if-none] [--config PATH]
//                                                   print a new admin API key, exit
//   gatehouse admin revoke-key ID [--config PATH]   revoke an API key, exit
//   gatehouse --version | --help
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace gatehouse::app {

struct CliOptions {
  enum class Mode { Serve, CheckConfig, Migrate, Version, Help, AdminCreateKey, AdminRevokeKey };
  Mode mode = Mode::Serve;
  std::optional<std::string> configPath; // --config or --check-config
  std::optional<std::string> pluginDir;  // --plugin-dir
  // admin create-key / revoke-key
  std::optional<std::string> keyName; // --name (required by create-key)
  std::optional<std::string> email;   // --email (create-key; default admin@localhost)
  bool onlyIfNoKeys = false;          // --if-none: create-key does nothing when the store has keys
  std::optional<std::string> keyId;   // revoke-key's argument
};

// Accepts "--opt value" and "--opt=value"; "migrate" as the first argument means
// --migrate; "admin create-key" / "admin revoke-key" start the admin commands, which take
// only their own options. Returns a one-line error (without the "gatehouse: " prefix) for
// unknown options, missing values and repeated options.
std::variant<CliOptions, std::string> parseCli(const std::vector<std::string>& args);

std::string usageText();

} // namespace gatehouse::app
