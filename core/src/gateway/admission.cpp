#include <gatehouse/common/log.hpp>
#include <gatehouse/gateway/admission.hpp>

namespace gatehouse::gateway {

Admission Admission::fromPlugins(const std::vector<BillingPlugin>& plugins) {
  std::vector<Gate> gates;
  for (const BillingPlugin& plugin : plugins) {
    if (!plugin.admits())
      continue;
    gates.push_back({plugin.name(), [&plugin](const Principal& principal, std::string_view model) {
                       return plugin.admit(principal, model);
                     }});
  }
  return Admission(std::move(gates));
}

std::optional<http::ApiError> Admission::admit(const Principal& principal, std::string_view model,
                                               std::string_view requestId) const {
  for (const Gate& gate : gates_) {
    AdmitOutcome outcome;
    try {
      outcome = gate.check(principal, model);
    } catch (const std::exception& e) {
      outcome.result = {GH_ERROR_INTERNAL, e.what()};
    }
    if (outcome.result.status == GH_ERROR_RESOURCE_EXHAUSTED) {
      // Quota and budget exhaustion: a client may retry later, so it is a 429 like OpenAI's.
      return http::ApiError{429, http::ErrorType::RateLimit, outcome.result.message, "", "insufficient_quota"};
    }
    if (!outcome.result.ok()) {
      log::warn("gateway", "request " + std::string(requestId) + ": billing plugin '" + gate.name +
                               "' failed to admit: " + outcome.result.message);
      return http::ApiError{503, http::ErrorType::Api,
                            "Billing is unavailable; please retry later (request " + std::string(requestId) +
                                ").",
                            "", "billing_unavailable"};
    }
    if (!outcome.allowed)
      return http::ApiError{403, http::ErrorType::Permission, outcome.reason, "", "request_not_admitted"};
  }
  return std::nullopt;
}

} // namespace gatehouse::gateway
