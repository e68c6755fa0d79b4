#include <gatehouse/app/cli_options.hpp>

namespace gatehouse::app {
namespace {

struct Flag {
  std::string name;
  std::optional<std::string> inlineValue;
};

Flag splitFlag(const std::string& arg) {
  const auto equals = arg.find('=');
  if (arg.rfind("--", 0) != 0 || equals == std::string::npos)
    return {arg, std::nullopt};
  return {arg.substr(0, equals), arg.substr(equals + 1)};
}

// "admin create-key ..." and "admin revoke-key ID ...": args[0] is "admin".
std::variant<CliOptions, std::string> parseAdminCli(const std::vector<std::string>& args) {
  CliOptions options;
  if (args.size() < 2)
    return std::string("'admin' needs a command: create-key or revoke-key (see --help)");
  if (args[1] == "create-key")
    options.mode = CliOptions::Mode::AdminCreateKey;
  else if (args[1] == "revoke-key")
    options.mode = CliOptions::Mode::AdminRevokeKey;
  else
    return "unknown admin command '" + args[1] + "' (expected create-key or revoke-key)";
  const std::string command = "admin " + args[1];

  for (std::size_t i = 2; i < args.size(); ++i) {
    const Flag flag = splitFlag(args[i]);
    const auto takeValue = [&](std::optional<std::string>& into) -> std::optional<std::string> {
      if (into)
        return "option " + flag.name + " given twice";
      if (flag.inlineValue)
        into = *flag.inlineValue;
      else if (i + 1 < args.size())
        into = args[++i];
      else
        return "option " + flag.name + " needs a value";
      if (into->empty())
        return "option " + flag.name + " needs a non-empty value";
      return std::nullopt;
    };
    const bool creating = options.mode == CliOptions::Mode::AdminCreateKey;
    std::optional<std::string> problem;
    if (flag.name == "--config") {
      problem = takeValue(options.configPath);
    } else if (creating && flag.name == "--name") {
      problem = takeValue(options.keyName);
    } else if (creating && flag.name == "--email") {
      problem = takeValue(options.email);
    } else if (creating && flag.name == "--if-none" && !flag.inlineValue) {
      if (options.onlyIfNoKeys)
        problem = "option --if-none given twice";
      options.onlyIfNoKeys = true;
    } else if (!creating && args[i].rfind("-", 0) != 0) {
      if (options.keyId)
        problem = command + " takes one key id";
      else
        options.keyId = args[i];
    } else {
      problem = "unknown argument '" + args[i] + "' for " + command + " (see --help)";
    }
    if (problem)
      return *problem;
  }
  if (options.mode == CliOptions::Mode::AdminCreateKey && !options.keyName)
    return command + " needs --name NAME (what the key is for, e.g. --name bootstrap)";
  if (options.mode == CliOptions::Mode::AdminRevokeKey && !options.keyId)
    return command + " needs the id of the key to revoke";
  return options;
}

} // namespace

std::variant<CliOptions, std::string> parseCli(const std::vector<std::string>& args) {
  if (!args.empty() && args[0] == "admin")
    return parseAdminCli(args);
  CliOptions options;
  bool modeSet = false;
  bool modeFromConfig = false; // Serve implied by --config; --migrate may still refine it
  for (std::size_t i = 0; i < args.size(); ++i) {
    // "gatehouse migrate ..." reads like the other tools operators know; same as --migrate.
    const Flag flag = i == 0 && args[i] == "migrate" ? Flag{"--migrate", std::nullopt} : splitFlag(args[i]);
    const auto takeValue = [&](std::optional<std::string>& into) -> std::optional<std::string> {
      if (into)
        return "option " + flag.name + " given twice";
      if (flag.inlineValue) {
        into = *flag.inlineValue;
      } else if (i + 1 < args.size()) {
        into = args[++i];
      } else {
        return "option " + flag.name + " needs a value";
      }
      if (into->empty())
        return "option " + flag.name + " needs a non-empty value";
      return std::nullopt;
    };
    const auto setMode = [&](CliOptions::Mode mode) -> std::optional<std::string> {
      const bool refinesConfig = modeFromConfig && mode == CliOptions::Mode::Migrate;
      if (modeSet && options.mode != mode && !refinesConfig)
        return "option " + flag.name + " cannot be combined with the others given";
      options.mode = mode;
      modeSet = true;
      modeFromConfig = false;
      return std::nullopt;
    };

    std::optional<std::string> problem;
    if (flag.name == "--config") {
      if (!modeSet || options.mode != CliOptions::Mode::Migrate) {
        problem = setMode(CliOptions::Mode::Serve);
        modeFromConfig = !problem;
      }
      if (!problem)
        problem = takeValue(options.configPath);
    } else if (flag.name == "--migrate" && !flag.inlineValue) {
      problem = setMode(CliOptions::Mode::Migrate);
    } else if (flag.name == "--check-config") {
      problem = setMode(CliOptions::Mode::CheckConfig);
      if (!problem)
        problem = takeValue(options.configPath);
    } else if (flag.name == "--plugin-dir") {
      problem = takeValue(options.pluginDir);
    } else if ((flag.name == "--version" || flag.name == "-V") && !flag.inlineValue) {
      problem = setMode(CliOptions::Mode::Version);
    } else if ((flag.name == "--help" || flag.name == "-h") && !flag.inlineValue) {
      problem = setMode(CliOptions::Mode::Help);
    } else {
      problem = "unknown argument '" + args[i] + "' (see --help)";
    }
    if (problem)
      return *problem;
  }
  return options;
}

std::string usageText() {
  return "Usage:\n"
         "  gatehouse [--config PATH] [--plugin-dir DIR]      run the gateway\n"
         "  gatehouse --check-config PATH [--plugin-dir DIR]  load a config, its plugins and providers, then "
         "exit\n"
         "  gatehouse migrate [--config PATH]                 bring the store's schema up to date, then "
         "exit\n"
         "                                                    (also spelled --migrate)\n"
         "  gatehouse admin create-key --name NAME [--email EMAIL] [--if-none] [--config PATH]\n"
         "                                                    create an admin API key and print it (only\n"
         "                                                    it) on stdout, once; the key belongs to the\n"
         "                                                    local admin user EMAIL (default\n"
         "                                                    admin@localhost, created when missing);\n"
         "                                                    --if-none: only when the store has no key yet\n"
         "  gatehouse admin revoke-key ID [--config PATH]     revoke the API key with this id, then exit\n"
         "  gatehouse --version                               print the version\n"
         "  gatehouse --help                                  print this help\n"
         "\n"
         "Without --config the gateway uses ./gatehouse.json, else /etc/gatehouse/gatehouse.json.\n"
         "Plugins are looked up in --plugin-dir, else the config's plugin_dir, else $GATEHOUSE_PLUGIN_DIR,\n"
         "else the directory this build installs them to.\n"
         "SIGTERM or SIGINT stops the gateway gracefully (server.shutdown_grace_seconds).\n";
}

} // namespace gatehouse::app
