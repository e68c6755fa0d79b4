// Base classes for an auth plugin: AuthPlugin turns a request's credentials into a
// principal; SignInAuthPlugin (ABI 1.2) also signs people in with a browser, e.g. OpenID
// Connect, and the descriptor then offers login_start/login_finish to the host.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/detail/guard.hpp>
#include <gatehouse/sdk/detail/plugin_state.hpp>
#include <gatehouse/sdk/error.hpp>
#include <gatehouse/sdk/host.hpp>
#include <gatehouse/sdk/identity.hpp>
#include <gatehouse/sdk/principal.hpp>
#include <gatehouse/sdk/request.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace gatehouse::sdk {

// What authenticate() decided.
class AuthDecision {
public:
  // No credentials this plugin understands: the host asks the next auth plugin.
  static AuthDecision notMine() { return AuthDecision(GH_AUTH_NOT_MINE, {}, {}); }
  static AuthDecision accept(Principal principal) {
    return AuthDecision(GH_AUTH_ACCEPTED, std::move(principal), {});
  }
  // Credentials this plugin owns but rejects. `reason` goes to the client: no secrets.
  static AuthDecision deny(std::string reason) { return AuthDecision(GH_AUTH_DENIED, {}, std::move(reason)); }

  gh_auth_verdict verdict() const noexcept { return verdict_; }
  const Principal& principal() const noexcept { return principal_; }
  Principal& principal() noexcept { return principal_; }
  const std::string& reason() const noexcept { return reason_; }

private:
  AuthDecision(gh_auth_verdict verdict, Principal principal, std::string reason)
      : verdict_(verdict), principal_(std::move(principal)), reason_(std::move(reason)) {}

  gh_auth_verdict verdict_;
  Principal principal_;
  std::string reason_;
};

class AuthPlugin {
public:
  explicit AuthPlugin(Host& host) noexcept : host_(host) {}
  virtual ~AuthPlugin() = default;
  AuthPlugin(const AuthPlugin&) = delete;
  AuthPlugin& operator=(const AuthPlugin&) = delete;

  // Called from many threads at once. Throw Error only when the plugin itself failed
  // (the host then answers 503); bad credentials are AuthDecision::deny.
  virtual AuthDecision authenticate(Request& request) = 0;

  Host& host() const noexcept { return host_; }

private:
  Host& host_;
};

// Where a browser sign-in starts: the URL to send the browser to, and what the plugin needs
// to finish it (e.g. nonce and PKCE verifier). The host keeps `flow` server-side, never
// shows it to the browser, and hands it back to loginFinish.
struct LoginStart {
  std::string location;
  std::string flow; // at most kMaxLoginFlowBytes
};

inline constexpr std::size_t kMaxLoginFlowBytes = 4096;

// An auth plugin that also signs people in with a browser. The host serves /auth/login,
// /auth/callback and /auth/logout, keeps the pending sign-in and creates the session; the
// plugin speaks the identity provider's protocol. Both calls may run on many threads at once.
class SignInAuthPlugin : public AuthPlugin {
public:
  using AuthPlugin::AuthPlugin;

  // Starts a sign-in. `state` is a fresh random value the browser must bring back (OAuth's
  // state parameter); `redirectUri` is where the identity provider sends the browser back.
  // The location must not be empty. Throw Error only when the plugin itself failed.
  virtual LoginStart loginStart(std::string_view state, std::string_view redirectUri) = 0;

  // Finishes a sign-in: `callbackQuery` is the raw query string the browser came back with
  // (its state already matched to this flow by the host), `flow` what loginStart returned.
  // Returns who signed in; the host then resolves the identity to a user and a session.
  // Throw Error(GH_ERROR_UNAUTHENTICATED, reason) to refuse: the provider said no, or its
  // tokens are not valid. `reason` is shown to the person: no secrets, no tokens.
  virtual Identity loginFinish(std::string_view redirectUri, std::string_view callbackQuery,
                               std::string_view flow) = 0;
};

namespace detail {

template <class Plugin> struct AuthTrampolines {
  // The ABI lets the host read the principal's views after the call returns, until this
  // plugin is next called on the same thread, so the strings live in per-thread storage.
  static Principal& keptPrincipal() noexcept {
    thread_local Principal principal;
    return principal;
  }

  static gh_status authenticate(void* state, gh_call* call, gh_request* request, gh_auth_verdict* outVerdict,
                                gh_principal* outPrincipal) noexcept {
    auto* plugin = static_cast<PluginState<Plugin>*>(state);
    const gh_host_api& api = plugin->host.api();
    return guarded(api, call, [&] {
      if (outVerdict == nullptr || outPrincipal == nullptr) {
        throw Error(GH_ERROR_INVALID_ARGUMENT, "authenticate: out_verdict or out_principal is NULL");
      }
      Request wrapped(api, request);
      AuthDecision decision = plugin->plugin.authenticate(wrapped);
      if (decision.verdict() == GH_AUTH_ACCEPTED) {
        exposePrincipal(std::move(decision.principal()), *outPrincipal);
      } else if (decision.verdict() == GH_AUTH_DENIED) {
        setError(api, call, decision.reason().empty() ? "credentials rejected" : decision.reason());
      }
      *outVerdict = decision.verdict();
    });
  }

  static void exposePrincipal(Principal&& principal, gh_principal& out) noexcept {
    Principal& kept = keptPrincipal();
    kept = std::move(principal);
    out = principalView(kept);
  }
};

// login_start and login_finish, instantiated only for a SignInAuthPlugin.
template <class Plugin> struct SignInTrampolines {
  // As the principal: the host reads the identity's views after login_finish returns.
  struct KeptIdentity {
    Identity identity;
    std::string teams; // joined with "\n", as gh_identity carries them
  };
  static KeptIdentity& keptIdentity() noexcept {
    thread_local KeptIdentity kept;
    return kept;
  }

  static gh_status loginStart(void* state, gh_call* call, gh_str stateValue, gh_str redirectUri,
                              gh_buffer* outLocation, gh_buffer* outFlow) noexcept {
    auto* plugin = static_cast<PluginState<Plugin>*>(state);
    const gh_host_api& api = plugin->host.api();
    return guarded(api, call, [&] {
      if (outLocation == nullptr || outFlow == nullptr) {
        throw Error(GH_ERROR_INVALID_ARGUMENT, "login_start: out_location or out_flow is NULL");
      }
      const LoginStart start = plugin->plugin.loginStart(view(stateValue), view(redirectUri));
      // Checked here too, so the plugin's author reads the reason instead of the host's refusal.
      if (start.location.empty()) {
        throw Error(GH_ERROR_INTERNAL, "loginStart returned no location");
      }
      if (start.flow.size() > kMaxLoginFlowBytes) {
        throw Error(GH_ERROR_INTERNAL, "loginStart returned a flow of " + std::to_string(start.flow.size()) +
                                           " bytes; at most " + std::to_string(kMaxLoginFlowBytes) +
                                           " are kept");
      }
      api.buffer_append(outLocation, ghStr(start.location));
      api.buffer_append(outFlow, ghStr(start.flow));
    });
  }

  static gh_status loginFinish(void* state, gh_call* call, gh_str redirectUri, gh_str callbackQuery,
                               gh_str flow, gh_identity* outIdentity) noexcept {
    auto* plugin = static_cast<PluginState<Plugin>*>(state);
    return guarded(plugin->host.api(), call, [&] {
      if (outIdentity == nullptr) {
        throw Error(GH_ERROR_INVALID_ARGUMENT, "login_finish: out_identity is NULL");
      }
      Identity identity = plugin->plugin.loginFinish(view(redirectUri), view(callbackQuery), view(flow));
      std::string teams = joinTeams(identity.teams); // may throw: before anything is kept
      KeptIdentity& kept = keptIdentity();
      kept.identity = std::move(identity);
      kept.teams = std::move(teams);
      *outIdentity = identityView(kept.identity, kept.teams);
    });
  }
};

template <class Plugin> constexpr decltype(gh_auth_vtable::login_start) loginStartSlot() noexcept {
  if constexpr (std::is_base_of_v<SignInAuthPlugin, Plugin>) {
    return &SignInTrampolines<Plugin>::loginStart;
  } else {
    return nullptr;
  }
}
template <class Plugin> constexpr decltype(gh_auth_vtable::login_finish) loginFinishSlot() noexcept {
  if constexpr (std::is_base_of_v<SignInAuthPlugin, Plugin>) {
    return &SignInTrampolines<Plugin>::loginFinish;
  } else {
    return nullptr;
  }
}

// The login slots are set exactly when the plugin derives from SignInAuthPlugin; the host
// offers browser sign-in only through such a plugin.
template <class Plugin>
inline constexpr gh_auth_vtable kAuthVtable{sizeof(gh_auth_vtable), 0, &AuthTrampolines<Plugin>::authenticate,
                                            loginStartSlot<Plugin>(), loginFinishSlot<Plugin>()};

} // namespace detail

template <class Plugin, std::size_t NameSize, std::size_t VersionSize>
constexpr gh_plugin_descriptor authDescriptor(const char (&name)[NameSize],
                                              const char (&version)[VersionSize]) noexcept {
  static_assert(std::is_base_of_v<AuthPlugin, Plugin>, "an auth plugin derives from AuthPlugin");
  static_assert(std::is_constructible_v<Plugin, Host&>, "a plugin is constructed from a Host&");
  static_assert(NameSize > 1, "the plugin name must not be empty");
  return detail::describe<Plugin>(GH_KIND_AUTH, detail::literal(name), detail::literal(version), nullptr,
                                  &detail::kAuthVtable<Plugin>, nullptr);
}

} // namespace gatehouse::sdk
