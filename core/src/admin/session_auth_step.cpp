#include <gatehouse/admin/session_auth_step.hpp>
#include <gatehouse/admin/session_cookies.hpp>
#include <gatehouse/http/cookies.hpp>
#include <gatehouse/store/store_error.hpp>

namespace gatehouse::admin {
namespace {

AuthOutcome authenticateBySession(auth::SessionService& sessions, const ClientRequest& request) {
  AuthOutcome outcome; // not mine, unless the cookie is there
  const std::optional<std::string_view> cookie = http::cookieValue(request.header("cookie"), kSessionCookie);
  if (!cookie || cookie->empty())
    return outcome;
  std::optional<Principal> principal;
  try {
    principal = sessions.find(*cookie);
  } catch (const store::StoreError& error) {
    // The Authenticator answers 503 and logs this (store messages never hold values).
    outcome.result =
        PluginResult{GH_ERROR_UNAVAILABLE, std::string("session lookup failed: ") + error.what()};
    return outcome;
  }
  if (!principal) {
    outcome.verdict = GH_AUTH_DENIED;
    outcome.denyReason = "The session has expired or was ended; sign in again.";
    return outcome;
  }
  static_cast<Principal&>(outcome) = std::move(*principal);
  outcome.verdict = GH_AUTH_ACCEPTED;
  return outcome;
}

} // namespace

gateway::Authenticator::Step sessionAuthStep(auth::SessionService& sessions) {
  return gateway::Authenticator::Step{
      "session", [&sessions](ClientRequest& request) { return authenticateBySession(sessions, request); }};
}

} // namespace gatehouse::admin
