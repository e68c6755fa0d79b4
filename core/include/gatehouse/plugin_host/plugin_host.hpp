// Loads the configured plugins and gives the rest of core typed, exception-safe handles
// to them. Everything that touches the C ABI lives under plugin_host/.
#pragma once

#include <gatehouse/config/config.hpp>
#include <gatehouse/plugin_abi.h>
#include <gatehouse/plugin_host/exchange.hpp>

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse {

// Why a plugin could not be loaded or an instance not be created. what() is one line
// naming the plugin file and the cause, e.g.
//   plugin 'mock' (/x/libfoo.so): ABI major 2 is not supported (host speaks 1.0)
class PluginLoadError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

// The outcome of one call into a plugin: status plus the message it set (if any).
struct PluginResult {
  gh_status status = GH_OK;
  std::string message;
  bool ok() const { return status == GH_OK; }
};

class LoadedPlugin; // one library + descriptor + plugin state; kept alive by shared_ptr

// One configured provider (providers[] entry) backed by a provider plugin. Holds its
// plugin (and so the library) alive for as long as the instance lives.
class ProviderInstance {
public:
  ProviderInstance(std::shared_ptr<LoadedPlugin> plugin, std::string name, void* instance);
  ~ProviderInstance();
  ProviderInstance(const ProviderInstance&) = delete;
  ProviderInstance& operator=(const ProviderInstance&) = delete;

  const std::string& name() const { return name_; }
  // Calls the plugin's handle(). Never throws; a plugin's failure comes back as status.
  PluginResult handle(Exchange& exchange);

private:
  std::shared_ptr<LoadedPlugin> plugin_;
  std::string name_;
  void* instance_;
};

struct AuthOutcome {
  gh_auth_verdict verdict = GH_AUTH_NOT_MINE;
  PluginResult result;   // non-OK: the plugin itself failed (answer 503)
  std::string subject, team, app, keyId, scopes; // copied from gh_principal on ACCEPTED
  gh_role role = GH_ROLE_MEMBER;
  std::string denyReason; // set_error message on DENIED
};

// An auth plugin, asked in configured order by the request pipeline.
class AuthPlugin {
public:
  explicit AuthPlugin(std::shared_ptr<LoadedPlugin> plugin);
  const std::string& name() const;
  AuthOutcome authenticate(ClientRequest& request) const;

private:
  std::shared_ptr<LoadedPlugin> plugin_;
};

class PluginHost {
public:
  // Loads every plugin in config.plugins, in order, performs the handshake and calls
  // init. Throws PluginLoadError (one line, naming file and cause) on the first
  // failure: missing file, not a shared library, missing entry point, wrong magic,
  // other ABI major, newer ABI minor, bad descriptor, init failing, duplicate name.
  static std::unique_ptr<PluginHost> load(const GatewayConfig& config);
  ~PluginHost();

  // Creates the provider instance for one providers[] entry. Throws PluginLoadError
  // when the plugin is unknown, not a provider, or create() fails.
  std::shared_ptr<ProviderInstance> createProvider(const ProviderConfig& provider) const;

  const std::vector<AuthPlugin>& authPlugins() const { return authPlugins_; }
  std::size_t pluginCount() const { return plugins_.size(); }
  // Names and kinds of loaded plugins, for /readyz and logs.
  std::vector<std::pair<std::string, gh_plugin_kind>> describe() const;

private:
  PluginHost() = default;
  std::vector<std::shared_ptr<LoadedPlugin>> plugins_;
  std::vector<AuthPlugin> authPlugins_;
};

// The host API table handed to every plugin (defined in host_api.cpp).
const gh_host_api& hostApi();

} // namespace gatehouse
