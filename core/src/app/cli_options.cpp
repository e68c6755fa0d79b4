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

} // namespace

std::variant<CliOptions, std::string> parseCli(const std::vector<std::string>& args) {
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
         "  gatehouse --version                               print the version\n"
         "  gatehouse --help                                  print this help\n"
         "\n"
         "Without --config the gateway uses ./gatehouse.json, else /etc/gatehouse/gatehouse.json.\n"
         "Plugins are looked up in --plugin-dir, else the config's plugin_dir, else $GATEHOUSE_PLUGIN_DIR,\n"
         "else the directory this build installs them to.\n"
         "SIGTERM or SIGINT stops the gateway gracefully (server.shutdown_grace_seconds).\n";
}

} // namespace gatehouse::app
