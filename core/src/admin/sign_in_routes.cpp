#include <gatehouse/admin/session_cookies.hpp>
#include <gatehouse/admin/sign_in_routes.hpp>
#include <gatehouse/auth/api_key_secret.hpp>
#include <gatehouse/common/log.hpp>
#include <gatehouse/http/error_writer.hpp>
#include <gatehouse/http/query_string.hpp>
#include <gatehouse/store/store_error.hpp>

#include <stdexcept>

#include "resource_json.hpp"

namespace gatehouse::admin {
namespace {

using http::ApiError;
using http::BodyPolicy;
using http::IncomingRequest;
using http::ResponseSink;

constexpr std::string_view kComponent = "auth.sign_in";
constexpr std::size_t kMaxReturnPathLength = 2048;

std::string redirectUri(const SignInContext& context) {
  return context.publicUrl() + "/auth/callback";
}

void noStore(ResponseSink& response) {
  response.setHeader("Cache-Control", "no-store");
}

void answer(ResponseSink& response, const ApiError& error) {
  noStore(response);
  http::sendError(response, error);
}

void redirect(ResponseSink& response, const std::string& location) {
  noStore(response);
  response.setHeader("Location", location);
  response.send(302, "text/plain; charset=utf-8", "");
}

ApiError signInNotOffered() {
  return http::notFound("Browser sign-in is not configured on this gateway (no auth plugin offers it).",
                        "sign_in_not_configured");
}

ApiError unavailable(std::string message) {
  return ApiError{503, http::ErrorType::Api, std::move(message), {}, "sign_in_unavailable"};
}

ApiError refused(std::string message, std::string code) {
  return ApiError{401, http::ErrorType::Authentication, std::move(message), {}, std::move(code)};
}

// A plugin's failure in start or finish as the browser sees it; the plugin's own message
// goes to the log (and to the client only when it is a refusal meant for the user).
ApiError pluginFailure(const PluginResult& result, const std::string& plugin, std::string_view step) {
  if (result.status == GH_ERROR_UNAUTHENTICATED)
    return refused(result.message, "sign_in_refused");
  log::warn(kComponent,
            "plugin '" + plugin + "' failed to " + std::string(step) + " a sign-in: " + result.message);
  if (result.status == GH_ERROR_UNAVAILABLE)
    return unavailable("The identity provider cannot be reached right now; please try again shortly.");
  return ApiError{502,
                  http::ErrorType::Api,
                  "The sign-in could not be completed; please try again.",
                  {},
                  "sign_in_failed"};
}

ApiError storeDown(const store::StoreError& error) {
  log::error(kComponent, std::string("store: ") + error.what());
  return unavailable("Sign-in is temporarily unavailable; please try again shortly.");
}

void serveLogin(const SignInContext& context, IncomingRequest& request, ResponseSink& response) {
  if (context.provider == nullptr) {
    answer(response, signInNotOffered());
    return;
  }
  const http::QueryString query(request.client.query());
  const std::string returnTo = query.get("return_to").value_or("/");
  if (!query.valid() || !isLocalReturnPath(returnTo)) {
    answer(response, http::badRequest("'return_to' must be a path on this gateway, such as /dashboard.",
                                      "return_to", "invalid_return_to"));
    return;
  }
  const std::string publicUrl = context.publicUrl();
  const std::string state = auth::randomToken();
  const LoginStartOutcome started = context.provider->start(state, publicUrl + "/auth/callback");
  if (!started.result.ok()) {
    answer(response, pluginFailure(started.result, context.provider->name(), "start"));
    return;
  }
  try {
    context.sessions.putLogin(state, context.provider->name(), started.flow, returnTo);
  } catch (const store::StoreError& error) {
    answer(response, storeDown(error));
    return;
  }
  response.addHeader("Set-Cookie",
                     http::setCookieHeader(kLoginCookie, state, loginCookieAttributes(publicUrl)));
  redirect(response, started.location);
}

// The identity provider's own "error" parameter, reduced to characters an OAuth error
// code has, so nothing the provider (or an attacker) put there reaches the page as is.
std::string providerErrorCode(const std::string& error) {
  std::string code;
  for (const char c : error.substr(0, 64)) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '_' || c == '-' || c == '.';
    if (plain)
      code.push_back(c);
  }
  return code.empty() ? "unknown_error" : code;
}

void auditSignIn(const SignInContext& context, const Principal& principal) {
  try {
    rapidjson::StringBuffer buffer;
    json::Writer writer(buffer);
    writer.StartObject();
    writer.Key("plugin");
    json::writeString(writer, context.provider->name());
    writer.EndObject();
    context.store.audit().append(store::NewAuditEntry{principal.subject, "user.sign_in", "user",
                                                      principal.subject, json::finish(buffer)});
  } catch (const std::exception& error) {
    log::error(kComponent, std::string("audit entry user.sign_in was not written: ") + error.what());
  }
}

// Everything after the state check: plugin, identity, session. Returns the session
// cookie value, or answers the problem and returns empty.
std::string finishSignIn(const SignInContext& context, const store::LoginFlow& flow,
                         std::string_view callbackQuery, ResponseSink& response) {
  const LoginFinishOutcome finished =
      context.provider->finish(redirectUri(context), callbackQuery, flow.flow);
  if (!finished.result.ok()) {
    answer(response, pluginFailure(finished.result, context.provider->name(), "finish"));
    return {};
  }
  Principal principal;
  try {
    principal = context.identities.resolve(finished.identity);
  } catch (const IdentityError& error) {
    if (error.status() == GH_ERROR_PERMISSION_DENIED)
      answer(response, ApiError{403, http::ErrorType::Permission, error.what(), {}, "account_disabled"});
    else if (error.status() == GH_ERROR_UNAVAILABLE)
      answer(response, unavailable("Sign-in is temporarily unavailable; please try again shortly."));
    else
      answer(response, refused(std::string("The identity provider's answer cannot be used: ") + error.what(),
                               "sign_in_refused"));
    return {};
  }
  try {
    std::string session = context.sessions.create(principal.subject, context.provider->name());
    auditSignIn(context, principal);
    return session;
  } catch (const store::StoreError& error) {
    answer(response, storeDown(error));
    return {};
  }
}

void serveCallback(const SignInContext& context, IncomingRequest& request, ResponseSink& response) {
  if (context.provider == nullptr) {
    answer(response, signInNotOffered());
    return;
  }
  const std::string publicUrl = context.publicUrl();
  // Whatever happens next, this sign-in is over: the browser forgets its state.
  response.addHeader("Set-Cookie", http::clearCookieHeader(kLoginCookie, loginCookieAttributes(publicUrl)));
  const std::string_view rawQuery = request.client.query();
  const http::QueryString query(rawQuery);
  const std::string state = query.get("state").value_or("");
  if (!query.valid() || state.empty() || query.count("state") != 1) {
    if (const auto error = query.get("error"))
      answer(response,
             refused("The identity provider refused the sign-in: " + providerErrorCode(*error) + ".",
                     "sign_in_refused"));
    else
      answer(response, http::badRequest("The sign-in callback needs exactly one 'state' parameter.", "state",
                                        "invalid_callback"));
    return;
  }
  // The state must come back to the browser that started the sign-in: a callback link
  // planted in someone else's browser finds no matching cookie there.
  const std::optional<std::string_view> cookie =
      http::cookieValue(request.client.header("cookie"), kLoginCookie);
  if (!cookie || !auth::constantTimeEquals(*cookie, state)) {
    answer(response,
           refused("This sign-in was not started in this browser, or it took too long; please sign in "
                   "again.",
                   "sign_in_state_mismatch"));
    return;
  }
  std::optional<store::LoginFlow> flow;
  try {
    flow = context.sessions.takeLogin(state);
  } catch (const store::StoreError& error) {
    answer(response, storeDown(error));
    return;
  }
  if (!flow || flow->plugin != context.provider->name()) {
    answer(response,
           refused("This sign-in has expired or was already used; please sign in again.", "sign_in_expired"));
    return;
  }
  if (const auto error = query.get("error")) {
    answer(response, refused("The identity provider refused the sign-in: " + providerErrorCode(*error) + ".",
                             "sign_in_refused"));
    return;
  }
  const std::string session = finishSignIn(context, *flow, rawQuery, response);
  if (session.empty())
    return;
  response.addHeader("Set-Cookie",
                     http::setCookieHeader(kSessionCookie, session,
                                           sessionCookieAttributes(publicUrl, context.sessions.lifetime())));
  redirect(response, flow->returnTo);
}

void serveLogout(const SignInContext& context, IncomingRequest& request, ResponseSink& response) {
  const std::optional<std::string_view> cookie =
      http::cookieValue(request.client.header("cookie"), kSessionCookie);
  if (cookie && !cookie->empty()) {
    try {
      context.sessions.end(*cookie);
    } catch (const store::StoreError& error) {
      answer(response, storeDown(error));
      return;
    }
  }
  response.addHeader("Set-Cookie", http::clearCookieHeader(kSessionCookie,
                                                           sessionCookieAttributes(context.publicUrl(), {})));
  noStore(response);
  response.send(204, "text/plain; charset=utf-8", "");
}

void serveSession(const SignInContext& context, IncomingRequest& request, ResponseSink& response) {
  const std::optional<std::string_view> cookie =
      http::cookieValue(request.client.header("cookie"), kSessionCookie);
  std::optional<Principal> principal;
  std::optional<store::User> user;
  try {
    if (cookie && !cookie->empty())
      principal = context.sessions.find(*cookie);
    if (principal)
      user = context.store.users().findById(principal->subject);
  } catch (const store::StoreError& error) {
    answer(response, storeDown(error));
    return;
  }
  if (!principal || !user) {
    answer(response, refused("Not signed in.", "not_signed_in"));
    return;
  }
  rapidjson::StringBuffer buffer;
  json::Writer writer(buffer);
  writer.StartObject();
  writer.Key("object");
  writer.String("session");
  writer.Key("user");
  writer.StartObject();
  json::writeUserFields(writer, *user);
  writer.EndObject();
  writer.Key("role");
  json::writeString(writer, json::roleName(principal->role));
  writer.Key("team_id");
  json::writeNullableString(writer, principal->team);
  writer.EndObject();
  noStore(response);
  response.send(200, "application/json", json::finish(buffer));
}

} // namespace

LoginStartOutcome PluginSignInProvider::start(std::string_view state, std::string_view redirectUri) const {
  return plugin_.loginStart(state, redirectUri);
}

LoginFinishOutcome PluginSignInProvider::finish(std::string_view redirectUri, std::string_view callbackQuery,
                                                std::string_view flow) const {
  return plugin_.loginFinish(redirectUri, callbackQuery, flow);
}

const AuthPlugin* chooseLoginPlugin(const std::vector<AuthPlugin>& plugins, const std::string& loginPlugin) {
  for (const AuthPlugin& plugin : plugins) {
    if (!loginPlugin.empty() && plugin.name() != loginPlugin)
      continue;
    if (plugin.offersLogin())
      return &plugin;
    if (!loginPlugin.empty())
      throw std::runtime_error("auth.login_plugin '" + loginPlugin + "' does not offer browser sign-in");
  }
  if (!loginPlugin.empty())
    throw std::runtime_error("auth.login_plugin '" + loginPlugin + "' is not a loaded auth plugin");
  return nullptr;
}

bool isLocalReturnPath(std::string_view path) {
  if (path.empty() || path.size() > kMaxReturnPathLength || path.front() != '/')
    return false;
  if (path.size() > 1 && (path[1] == '/' || path[1] == '\\'))
    return false;
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F || c == '\\')
      return false;
  }
  return true;
}

void addSignInRoutes(http::Router& router, const SignInContext& context) {
  const auto route = [&context](auto function) {
    return [&context, function](IncomingRequest& request, ResponseSink& response) {
      function(context, request, response);
    };
  };
  router.add({"GET", "/auth/login", BodyPolicy::None, route(serveLogin)});
  router.add({"GET", "/auth/callback", BodyPolicy::None, route(serveCallback)});
  router.add({"POST", "/auth/logout", BodyPolicy::None, route(serveLogout)});
  router.add({"GET", "/auth/session", BodyPolicy::None, route(serveSession)});
}

} // namespace gatehouse::admin
