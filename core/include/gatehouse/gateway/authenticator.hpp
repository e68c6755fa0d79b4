// Decides who sent a request by asking the configured auth plugins in order. With no
// auth plugin configured every request is anonymous (an empty Principal).
#pragma once

#include <gatehouse/http/api_error.hpp>
#include <gatehouse/plugin_host/auth_plugin.hpp>
#include <gatehouse/plugin_host/exchange.hpp>
#include <gatehouse/plugin_host/principal.hpp>

#include <functional>
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

  Authenticator() = default;
  explicit Authenticator(std::vector<Step> steps) : steps_(std::move(steps)) {}
  // Steps that call `plugins` (which must outlive the Authenticator) in order.
  static Authenticator fromPlugins(const std::vector<AuthPlugin>& plugins);

  // The first ACCEPTED verdict wins. DENIED -> 401 with the plugin's reason; every
  // plugin saying "not mine" -> 401; a plugin failing -> 503 (its message is logged,
  // not sent: it may describe internals).
  std::variant<Principal, http::ApiError> authenticate(ClientRequest& request,
                                                       std::string_view requestId) const;

  bool anonymous() const { return steps_.empty(); }

private:
  std::vector<Step> steps_;
};

} // namespace gatehouse::gateway
