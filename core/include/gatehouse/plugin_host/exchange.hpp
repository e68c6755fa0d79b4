// The host-side view of one client request while a provider plugin serves it.
// The HTTP layer implements it; the plugin host adapts it to the C ABI's
// exchange_* functions (a gh_exchange* is a pointer to an Exchange). Implementations
// may throw: the host API catches and reports GH_ERROR_INTERNAL to the plugin.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <string_view>

namespace gatehouse {

class Exchange {
public:
  virtual ~Exchange() = default;

  virtual gh_endpoint endpoint() const = 0;
  virtual std::string_view requestBody() const = 0;
  virtual std::string_view model() const = 0;
  virtual std::string_view upstreamModel() const = 0;
  virtual bool wantsStream() const = 0;
  virtual std::string_view requestId() const = 0;

  // Semantics and return values exactly as gh_host_api.exchange_respond /
  // exchange_stream_event / exchange_report_usage document them.
  virtual gh_status respond(int httpStatus, std::string_view contentType, std::string_view body) = 0;
  virtual gh_status streamEvent(std::string_view data) = 0;
  virtual gh_status reportUsage(const gh_usage& usage) = 0;
};

// A client request as auth and billing plugins see it (gh_request* points to one).
class ClientRequest {
public:
  virtual ~ClientRequest() = default;
  // Case-insensitive; empty when absent.
  virtual std::string_view header(std::string_view name) const = 0;
  virtual std::string_view method() const = 0;
  virtual std::string_view path() const = 0;
  virtual std::string_view clientAddress() const = 0;
};

} // namespace gatehouse
