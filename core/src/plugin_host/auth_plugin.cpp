#include <gatehouse/plugin_host/abi_handles.hpp>
#include <gatehouse/plugin_host/auth_plugin.hpp>
#include <gatehouse/plugin_host/identity.hpp>
#include <gatehouse/plugin_host/loaded_plugin.hpp>

#include <algorithm>
#include <utility>

namespace gatehouse {
namespace {

// The ABI's limit on what login_start may ask the host to keep (it is stored per pending
// sign-in, so an unbounded one would let a plugin bug fill the store).
constexpr std::size_t kMaxFlowBytes = 4096;

// The flow may hold a PKCE verifier or a nonce: not left behind in freed memory.
void wipe(std::string& text) {
  std::fill(text.begin(), text.end(), '\0');
  text.clear();
}

} // namespace

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

bool AuthPlugin::offersLogin() const {
  // readDescriptor refused a plugin that sets only one of them.
  return plugin_->auth().login_start != nullptr && plugin_->auth().login_finish != nullptr;
}

LoginStartOutcome AuthPlugin::loginStart(std::string_view state, std::string_view redirectUri) const {
  LoginStartOutcome outcome;
  try {
    if (!offersLogin()) {
      outcome.result = {GH_ERROR_UNSUPPORTED, "auth plugin '" + name() + "' offers no browser sign-in"};
      return outcome;
    }
    HostCall call;
    HostBuffer location;
    HostBuffer flow;
    const gh_status status = plugin_->auth().login_start(
        plugin_->state(), call.handle(), strOf(state), strOf(redirectUri), location.handle(), flow.handle());
    outcome.result = resultOf(status, std::move(call.error), name());
    if (!outcome.result.ok()) {
      wipe(flow.data);
      return outcome;
    }
    if (location.data.empty()) {
      wipe(flow.data);
      outcome.result = {GH_ERROR_INTERNAL,
                        "auth plugin '" + name() + "' started a sign-in without a location"};
      return outcome;
    }
    if (flow.data.size() > kMaxFlowBytes) {
      outcome.result = {GH_ERROR_INTERNAL, "auth plugin '" + name() + "' wrote a sign-in flow of " +
                                               std::to_string(flow.data.size()) + " bytes (at most " +
                                               std::to_string(kMaxFlowBytes) + ")"};
      wipe(flow.data);
      return outcome;
    }
    outcome.location = std::move(location.data);
    outcome.flow = std::move(flow.data);
  } catch (...) {
    // Only allocation can throw here; the plugin's own code never throws across the ABI.
    wipe(outcome.flow);
    outcome.location.clear();
    outcome.result = {GH_ERROR_INTERNAL, "sign-in could not start"};
  }
  return outcome;
}

LoginFinishOutcome AuthPlugin::loginFinish(std::string_view redirectUri, std::string_view callbackQuery,
                                           std::string_view flow) const {
  LoginFinishOutcome outcome;
  try {
    if (!offersLogin()) {
      outcome.result = {GH_ERROR_UNSUPPORTED, "auth plugin '" + name() + "' offers no browser sign-in"};
      return outcome;
    }
    HostCall call;
    gh_identity identity{};
    identity.struct_size = sizeof identity;
    const gh_status status = plugin_->auth().login_finish(plugin_->state(), call.handle(), strOf(redirectUri),
                                                          strOf(callbackQuery), strOf(flow), &identity);
    outcome.result = resultOf(status, std::move(call.error), name());
    if (!outcome.result.ok()) {
      return outcome;
    }
    // Now: the views are only good until the plugin's next call on this thread.
    outcome.identity = fromAbi(identity);
    if (outcome.identity.issuer.empty() || outcome.identity.subject.empty()) {
      outcome.identity = IdentityClaims{};
      outcome.result = {GH_ERROR_INTERNAL,
                        "auth plugin '" + name() + "' finished a sign-in without an issuer and subject"};
    }
  } catch (...) {
    outcome.identity = IdentityClaims{};
    outcome.result = {GH_ERROR_INTERNAL, "sign-in could not finish"};
  }
  return outcome;
}

} // namespace gatehouse
