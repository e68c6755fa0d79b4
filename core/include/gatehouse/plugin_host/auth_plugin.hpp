// An auth plugin, asked in configured order by the request pipeline.
#pragma once

#include <gatehouse/plugin_host/exchange.hpp>
#include <gatehouse/plugin_host/plugin_result.hpp>
#include <gatehouse/plugin_host/principal.hpp>

#include <memory>
#include <string>

namespace gatehouse {

class LoadedPlugin;

// The principal fields (subject, team, ...) are filled only on ACCEPTED.
struct AuthOutcome : Principal {
  gh_auth_verdict verdict = GH_AUTH_NOT_MINE;
  PluginResult result;    // non-OK: the plugin itself failed (answer 503); verdict is NOT_MINE
  std::string denyReason; // set_error message on DENIED, never empty then
};

class AuthPlugin {
public:
  explicit AuthPlugin(std::shared_ptr<LoadedPlugin> plugin);
  const std::string& name() const;
  // Never throws. An unknown verdict counts as the plugin failing (GH_ERROR_INTERNAL).
  AuthOutcome authenticate(ClientRequest& request) const;

private:
  std::shared_ptr<LoadedPlugin> plugin_;
};

} // namespace gatehouse
