// Decides who sent a request by asking the configured auth steps (plugins, and whatever
// the app puts first, e.g. a session cookie) in order. With no step every request is
// anonymous (an empty Principal).
//
// Failed attempts are capped per client address (failed_auth_limiter.hpp): every 401 counts,
// and an address over auth.failed_auth gets 429 too_many_failed_attempts with Retry-After
// without any step being asked, until its window slides.
#pragma once

#include <gatehouse/config/config.hpp>
#include <gatehouse/gateway/failed_auth_limiter.hpp>
#include <gatehouse/http/api_error.hpp>
#include <gatehouse/plugin_host/auth_plugin.hpp>
#include <gatehouse/plugin_host/exchange.hpp>
#include <gatehouse/plugin_host/principal.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace gatehouse::gateway {

class Authenticator {
public:
  struct Step {
    std::string name;
    std::function<AuthOutcome(ClientRequest&)> authenticate;
  };
  using Clock = FailedAuthLimiter::Clock;

  Authenticator() = default; // anonymous
  explicit Authenticator(std::vector<Step> steps, const FailedAuthLimitConfig& failedAuth = {},
                         Clock clock = &std::chrono::steady_clock::now);
  // One step per plugin, calling `plugins` (which must outlive the steps) in order.
  static std::vector<Step> stepsFor(const std::vector<AuthPlugin>& plugins);
  static Authenticator fromPlugins(const std::vector<AuthPlugin>& plugins,
                                   const FailedAuthLimitConfig& failedAuth = {});

  // The first ACCEPTED verdict wins. DENIED -> 401 with the step's reason; every step
  // saying "not mine" -> 401; a step failing -> 503 (its message is logged, not sent: it
  // may describe internals); the client address over its failed-attempt allowance -> 429
  // with retryAfterSeconds set (http::sendError adds Retry-After).
  std::variant<Principal, http::ApiError> authenticate(ClientRequest& request,
                                                       std::string_view requestId) const;

  bool anonymous() const { return steps_.empty(); }

private:
  void countFailure(std::string_view address) const;

  std::vector<Step> steps_;
  // Shared so an Authenticator stays copyable; null when anonymous.
  std::shared_ptr<FailedAuthLimiter> failures_;
};

} // namespace gatehouse::gateway
