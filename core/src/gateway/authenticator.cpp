#include <gatehouse/common/log.hpp>
#include <gatehouse/gateway/authenticator.hpp>
#include <gatehouse/gateway/rate_limit_response.hpp>

namespace gatehouse::gateway {
namespace {

http::ApiError tooManyFailures(std::int64_t blockedForMs) {
  const int retryAfter = retryAfterSeconds(blockedForMs);
  return http::ApiError{429,
                        http::ErrorType::RateLimit,
                        "Too many failed authentication attempts from your address. Please retry after " +
                            std::to_string(retryAfter) + (retryAfter == 1 ? " second." : " seconds."),
                        {},
                        "too_many_failed_attempts",
                        retryAfter};
}

} // namespace

Authenticator::Authenticator(std::vector<Step> steps, const FailedAuthLimitConfig& failedAuth, Clock clock)
    : steps_(std::move(steps)) {
  if (!steps_.empty())
    failures_ = std::make_shared<FailedAuthLimiter>(failedAuth, std::move(clock));
}

std::vector<Authenticator::Step> Authenticator::stepsFor(const std::vector<AuthPlugin>& plugins) {
  std::vector<Step> steps;
  steps.reserve(plugins.size());
  for (const AuthPlugin& plugin : plugins) {
    steps.push_back(
        Step{plugin.name(), [&plugin](ClientRequest& request) { return plugin.authenticate(request); }});
  }
  return steps;
}

Authenticator Authenticator::fromPlugins(const std::vector<AuthPlugin>& plugins,
                                         const FailedAuthLimitConfig& failedAuth) {
  return Authenticator(stepsFor(plugins), failedAuth);
}

void Authenticator::countFailure(std::string_view address) const {
  // Logged once per lock-out, not per refused request: a guessing client must not be able
  // to flood the log.
  if (failures_->recordFailure(address))
    log::warn("auth", "client address " + std::string(address) +
                          " used up its failed authentication attempts; refusing it for now");
}

std::variant<Principal, http::ApiError> Authenticator::authenticate(ClientRequest& request,
                                                                    std::string_view requestId) const {
  if (steps_.empty())
    return Principal{};
  const std::string_view address = request.clientAddress();
  if (const std::int64_t blockedForMs = failures_->blockedForMs(address); blockedForMs > 0)
    return tooManyFailures(blockedForMs);

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
      countFailure(address);
      std::string reason = outcome.denyReason.empty() ? "The credentials were rejected." : outcome.denyReason;
      return http::ApiError{
          401, http::ErrorType::Authentication, std::move(reason), {}, "invalid_credentials"};
    }
  }
  countFailure(address);
  return http::ApiError{401,
                        http::ErrorType::Authentication,
                        "Missing credentials: no configured authentication method recognised this request's "
                        "credentials.",
                        {},
                        "missing_credentials"};
}

} // namespace gatehouse::gateway
