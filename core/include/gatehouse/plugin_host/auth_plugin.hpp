// An auth plugin, asked in configured order by the request pipeline.
#pragma once

#include <gatehouse/plugin_host/exchange.hpp>
#include <gatehouse/plugin_host/host_services.hpp>
#include <gatehouse/plugin_host/plugin_result.hpp>
#include <gatehouse/plugin_host/principal.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace gatehouse {

class LoadedPlugin;

// The principal fields (subject, team, ...) are filled only on ACCEPTED.
struct AuthOutcome : Principal {
  gh_auth_verdict verdict = GH_AUTH_NOT_MINE;
  PluginResult result;    // non-OK: the plugin itself failed (answer 503); verdict is NOT_MINE
  std::string denyReason; // set_error message on DENIED, never empty then
};

// Browser sign-in (ABI 1.2, gh_auth_vtable.login_start / login_finish).
struct LoginStartOutcome {
  PluginResult result;
  std::string location; // where to send the browser
  std::string flow;     // the plugin's data to keep until the callback (at most 4096 bytes)
};
struct LoginFinishOutcome {
  PluginResult result; // GH_ERROR_UNAUTHENTICATED: refused, message fit for the user
  IdentityClaims identity;
};

class AuthPlugin {
public:
  explicit AuthPlugin(std::shared_ptr<LoadedPlugin> plugin);
  const std::string& name() const;
  // Never throws. An unknown verdict counts as the plugin failing (GH_ERROR_INTERNAL).
  AuthOutcome authenticate(ClientRequest& request) const;

  // True when the plugin's vtable has login_start and login_finish (ABI 1.2 and set).
  bool offersLogin() const;
  // Never throw. GH_ERROR_UNSUPPORTED when !offersLogin(). A start without a location, or
  // a flow over 4096 bytes, is a plugin failure (GH_ERROR_INTERNAL).
  LoginStartOutcome loginStart(std::string_view state, std::string_view redirectUri) const;
  LoginFinishOutcome loginFinish(std::string_view redirectUri, std::string_view callbackQuery,
                                 std::string_view flow) const;

private:
  std::shared_ptr<LoadedPlugin> plugin_;
};

} // namespace gatehouse
