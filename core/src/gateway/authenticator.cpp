#include <gatehouse/common/log.hpp>
#include <gatehouse/gateway/authenticator.hpp>

namespace gatehouse::gateway {

Authenticator Authenticator::fromPlugins(const std::vector<AuthPlugin>& plugins) {
  std::vector<Step> steps;
  steps.reserve(plugins.size());
  for (const AuthPlugin& plugin : plugins) {
    steps.push_back(
        Step{plugin.name(), [&plugin](ClientRequest& request) { return plugin.authenticate(request); }});
  }
  return Authenticator(std::move(steps));
}

std::variant<Principal, http::ApiError> Authenticator::authenticate(ClientRequest& request,
                                                                    std::string_view requestId) const {
  for (const Step& step : steps_) {
    AuthOutcome outcome = step.authenticate(request);
    if (!outcome.result.ok()) {
      log::error("auth", "request " + std::string(requestId) + ": auth plugin '" + step.name +
                             "' failed: " + outcome.result.message);
      return http::ApiError{503,
                            http::ErrorType::Api,
                            "Authentication is temporarily unavailable; please retry later.",
                            {},
                            "auth_unavailable"};
    }
    if (outcome.verdict == GH_AUTH_ACCEPTED)
      return static_cast<Principal&&>(std::move(outcome));
    if (outcome.verdict == GH_AUTH_DENIED) {
      std::string reason = outcome.denyReason.empty() ? "The credentials were rejected." : outcome.denyReason;
      return http::ApiError{
          401, http::ErrorType::Authentication, std::move(reason), {}, "invalid_credentials"};
    }
  }
  if (steps_.empty())
    return Principal{};
  return http::ApiError{401,
                        http::ErrorType::Authentication,
                        "Missing credentials: no configured authentication method recognised this request's "
                        "credentials.",
                        {},
                        "missing_credentials"};
}

} // namespace gatehouse::gateway
