// `gatehouse`: the gateway executable. See cli_options.hpp for the command line.
#include <gatehouse/admin/bootstrap_key.hpp>
#include <gatehouse/app/auth_services.hpp>
#include <gatehouse/app/cli_options.hpp>
#include <gatehouse/app/config_locator.hpp>
#include <gatehouse/app/gateway_app.hpp>
#include <gatehouse/app/plugin_dir.hpp>
#include <gatehouse/app/store_health.hpp>
#include <gatehouse/app/termination_signals.hpp>
#include <gatehouse/common/log.hpp>
#include <gatehouse/config/config_loader.hpp>
#include <gatehouse/store/open_store.hpp>
#include <gatehouse/store/store_error.hpp>
#include <gatehouse/usage/usage_writer.hpp>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace gatehouse;

constexpr std::string_view kComponent = "app";

// Every fatal start-up problem ends here: one line, exit 1.
int fail(const std::string& message) {
  std::fprintf(stderr, "gatehouse: %s\n", message.c_str());
  std::fflush(stderr);
  return 1;
}

// Loads the config and settles its log level. Throws on any problem.
GatewayConfig loadConfigFileOnly(const app::CliOptions& options) {
  const auto located = app::locateConfig(
      options.configPath, [](const std::string& path) { return std::filesystem::exists(path); });
  if (const auto* problem = std::get_if<std::string>(&located))
    throw std::runtime_error(*problem);
  const auto& config = std::get<app::LocatedConfig>(located);

  GatewayConfig loaded = loadConfigFile(config.path);
  log::Level level = log::Level::Info;
  if (!log::parseLevel(loaded.logLevel, level))
    throw std::runtime_error("unknown log_level '" + loaded.logLevel + "'");
  log::setLevel(level);
  if (!config.explicitlyGiven)
    log::info(kComponent, "no --config given; using " + config.path);
  return loaded;
}

// Loads the config and settles its plugin dir and log level. Throws on any problem.
GatewayConfig loadConfig(const app::CliOptions& options) {
  GatewayConfig loaded = loadConfigFileOnly(options);
  const app::ResolvedPluginDir pluginDir =
      app::resolvePluginDir(app::processPluginDirSources(options.pluginDir, loaded.pluginDir));
  log::info(kComponent, "plugin dir " + pluginDir.path + " (from " + pluginDir.source + ")");
  loaded.pluginDir = pluginDir.path;
  return loaded;
}

int checkConfig(const app::CliOptions& options) {
  const GatewayConfig config = loadConfig(options);
  const app::GatewayApp gateway(config, {});
  std::printf("config OK: %zu plugins, %zu providers, %zu models\n", gateway.pluginCount(),
              gateway.providerCount(), gateway.modelCount());
  return 0;
}

// Store failures at start-up get their own prefix so an operator knows where to look.
class StoreStartupError : public std::runtime_error {
public:
  explicit StoreStartupError(const std::string& what) : std::runtime_error("store: " + what) {}
};

std::unique_ptr<store::Store> openStoreOrThrow(const StorageConfig& storage, store::SchemaPolicy policy) {
  try {
    return store::openStore(storage, policy);
  } catch (const store::StoreError& e) {
    throw StoreStartupError(e.what());
  }
}

int migrate(const app::CliOptions& options) {
  const GatewayConfig config = loadConfig(options);
  store::MigrationResult result;
  try {
    result = store::migrateStore(config.storage);
  } catch (const store::StoreError& e) {
    throw StoreStartupError(e.what());
  }
  std::printf("schema at version %d (was %d)\n", result.toVersion, result.fromVersion);
  return 0;
}

// `gatehouse admin create-key`: the key alone on stdout (so scripts can capture it), what
// it is and how to use it on stderr.
int adminCreateKey(const app::CliOptions& options) {
  const GatewayConfig config = loadConfigFileOnly(options);
  const std::unique_ptr<store::Store> state = openStoreOrThrow(config.storage, store::SchemaPolicy::Migrate);
  if (options.onlyIfNoKeys && admin::storeHasKeys(*state)) {
    std::fprintf(stderr, "gatehouse: the store already holds API keys; no key created (--if-none)\n");
    return 0;
  }
  const std::string email = options.email.value_or(admin::kDefaultAdminEmail);
  const admin::BootstrapKey created = admin::createBootstrapKey(*state, *options.keyName, email);
  std::printf("%s\n", created.secret.c_str());
  std::fflush(stdout);
  std::fprintf(stderr,
               "gatehouse: created admin API key '%s' (id %s, prefix %s) for %s%s.\n"
               "gatehouse: it is shown only this once; store it now. Send it as "
               "\"Authorization: Bearer <key>\".\n",
               created.key.name.c_str(), created.key.id.c_str(), created.key.prefix.c_str(), email.c_str(),
               created.ownerCreated ? " (user created)" : "");
  return 0;
}

int adminRevokeKey(const app::CliOptions& options) {
  const GatewayConfig config = loadConfigFileOnly(options);
  const std::unique_ptr<store::Store> state = openStoreOrThrow(config.storage, store::SchemaPolicy::Migrate);
  const bool revoked = admin::revokeKeyFromCli(*state, *options.keyId);
  std::printf("%s %s\n", revoked ? "revoked" : "already revoked:", options.keyId->c_str());
  return 0;
}

UsageWriterOptions usageWriterOptions(const UsageConfig& usage) {
  UsageWriterOptions options;
  options.spoolPath = usage.spoolPath;
  options.queueCapacity = usage.queueCapacity;
  options.maxBatch = usage.batchSize;
  options.maxDelay = std::chrono::milliseconds(usage.flushIntervalMs);
  options.threadNice = usage.writerNice;
  return options;
}

void logUsageStats(const UsageWriter& writer) {
  const UsageWriterStats stats = writer.stats();
  log::info(kComponent, "usage writer stopped: " + std::to_string(stats.submitted) + " submitted, " +
                            std::to_string(stats.written + stats.replayed) + " stored, " +
                            std::to_string(stats.spooled) + " spooled, " + std::to_string(stats.dropped) +
                            " dropped");
}

int serve(const app::CliOptions& options) {
  GatewayConfig config = loadConfig(options);
  const auto grace = std::chrono::seconds(config.server.shutdownGraceSeconds);

  std::unique_ptr<store::Store> state = openStoreOrThrow(config.storage, store::SchemaPolicy::Migrate);
  log::info(kComponent, "store: " + std::string(state->driverName()) + ", schema version " +
                            std::to_string(state->schemaVersion()));
  UsageWriter usage(state->usage(), usageWriterOptions(config.usage));
  app::StoreHealth storeHealth([&state] { state->ping(); });
  // Before the plugins load and before serving: keys are looked up in memory only.
  app::AuthServices auth(*state, config.auth);
  try {
    auth.start();
  } catch (const store::StoreError& e) {
    throw StoreStartupError(e.what());
  }

  app::AppServices services;
  services.usage = &usage;
  services.auth = &auth;
  services.billingQueueCapacity = config.usage.queueCapacity;
  services.readinessChecks.emplace_back("store",
                                        [&storeHealth](std::string& why) { return storeHealth.check(why); });

  app::GatewayApp gateway(std::move(config), std::move(services));
  gateway.start();
  // Written whatever the log level: supervisors and tests wait for this line.
  log::write(log::Level::Info, kComponent,
             "listening on " + gateway.host() + ":" + std::to_string(gateway.port()));

  const int signal = app::waitForTerminationSignal();
  log::info(kComponent, std::string("received ") + (signal == SIGINT ? "SIGINT" : "SIGTERM"));
  const auto deadline = std::chrono::steady_clock::now() + grace;
  const bool finished = gateway.shutdown(grace);
  // Usage gets whatever grace is left, but at least a moment: on the way out, events must
  // reach the store or the spool, never vanish.
  const auto remaining = [&deadline] {
    return std::max<std::chrono::milliseconds>(
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()),
        std::chrono::seconds(1));
  };
  gateway.stopBilling(remaining());
  usage.stop(remaining());
  logUsageStats(usage);
  if (!finished) {
    // Requests still running hold plugin code on their stacks: unloading anything now
    // could crash them, so leave without running destructors. Their usage, submitted after
    // the writer stopped, goes straight to the spool.
    std::fflush(stdout);
    std::fflush(stderr);
    std::_Exit(0);
  }
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  // Before any thread exists, so every thread inherits the blocked mask and the
  // signals can only be taken by sigwait in main.
  app::blockTerminationSignals();

  const auto parsed = app::parseCli(std::vector<std::string>(argv + 1, argv + argc));
  if (const auto* problem = std::get_if<std::string>(&parsed))
    return fail(*problem);
  const auto& options = std::get<app::CliOptions>(parsed);

  try {
    switch (options.mode) {
    case app::CliOptions::Mode::Version: std::printf("gatehouse %s\n", GATEHOUSE_VERSION); return 0;
    case app::CliOptions::Mode::Help: std::fputs(app::usageText().c_str(), stdout); return 0;
    case app::CliOptions::Mode::CheckConfig: return checkConfig(options);
    case app::CliOptions::Mode::Migrate: return migrate(options);
    case app::CliOptions::Mode::Serve: return serve(options);
    case app::CliOptions::Mode::AdminCreateKey: return adminCreateKey(options);
    case app::CliOptions::Mode::AdminRevokeKey: return adminRevokeKey(options);
    }
  } catch (const std::exception& e) {
    return fail(e.what());
  } catch (...) {
    return fail("unexpected error");
  }
  return 1;
}
