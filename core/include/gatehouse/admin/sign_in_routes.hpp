// Browser sign-in for the dashboard, over an auth plugin that offers it (e.g. oidc):
//
//   GET  /auth/login?return_to=/path  302 to the identity provider; sets gatehouse_login
//   GET  /auth/callback?code&state    checks state against the cookie and the stored
//                                     sign-in, lets the plugin finish, resolves the user,
//                                     creates the session; sets gatehouse_session, 302 to
//                                     return_to
//   POST /auth/logout                 ends the session, clears the cookie; 204
//   GET  /auth/session                the signed-in user, or 401
//
// The pending sign-in lives in the store (any node can finish it) and is single use. No
// failure is a 500: a refused or tampered sign-in is a 400/401, an unreachable identity
// provider or store a 503. Login and callback answer 404 when no plugin offers sign-in.
#pragma once

#include <gatehouse/auth/session_service.hpp>
#include <gatehouse/http/router.hpp>
#include <gatehouse/plugin_host/auth_plugin.hpp>
#include <gatehouse/plugin_host/host_services.hpp>
#include <gatehouse/store/store.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::admin {

// The protocol half of sign-in (an auth plugin's login_start / login_finish).
class SignInProvider {
public:
  virtual ~SignInProvider() = default;
  virtual const std::string& name() const = 0;
  virtual LoginStartOutcome start(std::string_view state, std::string_view redirectUri) const = 0;
  virtual LoginFinishOutcome finish(std::string_view redirectUri, std::string_view callbackQuery,
                                    std::string_view flow) const = 0;
};

class PluginSignInProvider final : public SignInProvider {
public:
  explicit PluginSignInProvider(const AuthPlugin& plugin) : plugin_(plugin) {}
  const std::string& name() const override { return plugin_.name(); }
  LoginStartOutcome start(std::string_view state, std::string_view redirectUri) const override;
  LoginFinishOutcome finish(std::string_view redirectUri, std::string_view callbackQuery,
                            std::string_view flow) const override;

private:
  const AuthPlugin& plugin_;
};

// The plugin browsers sign in with: the one named `loginPlugin` (auth.login_plugin; it
// must offer sign-in, else std::runtime_error), else the first that offers it; nullptr
// when none does.
const AuthPlugin* chooseLoginPlugin(const std::vector<AuthPlugin>& plugins, const std::string& loginPlugin);

struct SignInContext {
  const SignInProvider* provider = nullptr; // nullptr: /auth/login and /auth/callback answer 404
  auth::SessionService& sessions;
  IdentityResolver& identities;
  store::Store& store;                    // users for /auth/session, the audit log
  std::function<std::string()> publicUrl; // auth.public_url or its default; asked per request
};

// `context` (and what it refers to) must outlive the router.
void addSignInRoutes(http::Router& router, const SignInContext& context);

// True for a path on this gateway: starts with one '/' (not "//" or "/\", which browsers
// read as another host), no control characters, at most 2048 bytes.
bool isLocalReturnPath(std::string_view path);

} // namespace gatehouse::admin
