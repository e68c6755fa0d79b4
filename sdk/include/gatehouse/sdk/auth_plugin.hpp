// Base class for an auth plugin: turns a request's credentials into a principal.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/detail/guard.hpp>
#include <gatehouse/sdk/detail/plugin_state.hpp>
#include <gatehouse/sdk/error.hpp>
#include <gatehouse/sdk/host.hpp>
#include <gatehouse/sdk/request.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace gatehouse::sdk {

// Who is calling. Owning strings: the helper keeps them alive for the host.
struct Principal {
  gh_role role = GH_ROLE_MEMBER;
  std::string subject; // stable user id, e.g. "user:42"
  std::string team;
  std::string app;
  std::string keyId;  // credential id, never the secret itself
  std::string scopes; // space-separated, e.g. "model:gpt-4o* endpoint:chat"
};

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
    out.struct_size = sizeof(gh_principal);
    out.role = kept.role;
    out.subject = ghStr(kept.subject);
    out.team = ghStr(kept.team);
    out.app = ghStr(kept.app);
    out.key_id = ghStr(kept.keyId);
    out.scopes = ghStr(kept.scopes);
  }

  static constexpr gh_auth_vtable vtable{sizeof(gh_auth_vtable), 0, &authenticate};
};

} // namespace detail

template <class Plugin, std::size_t NameSize, std::size_t VersionSize>
constexpr gh_plugin_descriptor authDescriptor(const char (&name)[NameSize],
                                              const char (&version)[VersionSize]) noexcept {
  static_assert(std::is_base_of_v<AuthPlugin, Plugin>, "an auth plugin derives from AuthPlugin");
  static_assert(std::is_constructible_v<Plugin, Host&>, "a plugin is constructed from a Host&");
  static_assert(NameSize > 1, "the plugin name must not be empty");
  return detail::describe<Plugin>(GH_KIND_AUTH, detail::literal(name), detail::literal(version), nullptr,
                                  &detail::AuthTrampolines<Plugin>::vtable, nullptr);
}

} // namespace gatehouse::sdk
