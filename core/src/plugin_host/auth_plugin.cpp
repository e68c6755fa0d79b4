#include <gatehouse/plugin_host/abi_handles.hpp>
#include <gatehouse/plugin_host/auth_plugin.hpp>
#include <gatehouse/plugin_host/loaded_plugin.hpp>

#include <utility>

namespace gatehouse {

AuthPlugin::AuthPlugin(std::shared_ptr<LoadedPlugin> plugin) : plugin_(std::move(plugin)) {
}

const std::string& AuthPlugin::name() const {
  return plugin_->name();
}

AuthOutcome AuthPlugin::authenticate(ClientRequest& request) const {
  HostCall call;
  gh_auth_verdict verdict = GH_AUTH_NOT_MINE;
  gh_principal principal{};
  principal.struct_size = sizeof principal;
  const gh_status status =
      plugin_->auth().authenticate(plugin_->state(), call.handle(), toHandle(request), &verdict, &principal);

  AuthOutcome outcome;
  if (status != GH_OK) {
    outcome.result = resultOf(status, std::move(call.error), name());
    return outcome;
  }
  switch (verdict) {
  case GH_AUTH_NOT_MINE: break;
  case GH_AUTH_ACCEPTED:
    static_cast<Principal&>(outcome) = fromAbi(principal);
    outcome.verdict = GH_AUTH_ACCEPTED;
    break;
  case GH_AUTH_DENIED:
    outcome.verdict = GH_AUTH_DENIED;
    outcome.denyReason =
        call.error.empty() ? "credentials rejected by auth plugin '" + name() + "'" : call.error;
    break;
  default:
    outcome.result =
        resultOf(GH_ERROR_INTERNAL,
                 "auth plugin '" + name() + "' returned unknown verdict " + std::to_string(verdict), name());
    break;
  }
  return outcome;
}

} // namespace gatehouse
