// The billing plugins' say on a request before it is routed: budgets and quotas. Every gate is
// asked in config order and the first refusal decides.
#pragma once

#include <gatehouse/http/api_error.hpp>
#include <gatehouse/plugin_host/billing_plugin.hpp>
#include <gatehouse/plugin_host/principal.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::gateway {

class Admission {
public:
  using Check = std::function<AdmitOutcome(const Principal& principal, std::string_view model)>;
  struct Gate {
    std::string name; // the plugin's, for logs
    Check check;
  };

  Admission() = default; // admits everything
  explicit Admission(std::vector<Gate> gates) : gates_(std::move(gates)) {}
  // Only the plugins that have an admit function become gates. The plugins must outlive this.
  static Admission fromPlugins(const std::vector<BillingPlugin>& plugins);

  // nullopt when every gate admits. Otherwise the client's error:
  //   refused (allowed = 0)                       -> 403 permission_error, the plugin's reason
  //   admit returned GH_ERROR_RESOURCE_EXHAUSTED  -> 429 rate_limit_error, the plugin's message
  //   admit failed otherwise                      -> 503 api_error (the plugin's message is logged)
  std::optional<http::ApiError> admit(const Principal& principal, std::string_view model,
                                      std::string_view requestId) const;

  std::size_t gateCount() const { return gates_.size(); }

private:
  std::vector<Gate> gates_;
};

} // namespace gatehouse::gateway
