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
  for (std::size_t i = 0; i < args.size(); ++i) {
    const Flag flag = splitFlag(args[i]);
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
      if (modeSet && options.mode != mode)
        return "option " + flag.name + " cannot be combined with the others given";
      options.mode = mode;
      modeSet = true;
      return std::nullopt;
    };

    std::optional<std::string> problem;
    if (flag.name == "--config") {
      problem = setMode(CliOptions::Mode::Serve);
      if (!problem)
        problem = takeValue(options.configPath);
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
         "  gatehouse --version                               print the version\n"
         "  gatehouse --help                                  print this help\n"
         "\n"
         "Without --config the gateway uses ./gatehouse.json, else /etc/gatehouse/gatehouse.json.\n"
         "Plugins are looked up in --plugin-dir, else the config's plugin_dir, else $GATEHOUSE_PLUGIN_DIR,\n"
         "else the directory this build installs them to.\n"
         "SIGTERM or SIGINT stops the gateway gracefully (server.shutdown_grace_seconds).\n";
}

} // namespace gatehouse::app
