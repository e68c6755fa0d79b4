// The host-side view of one client request while a provider plugin serves it.
// The HTTP layer implements it; the plugin host adapts it to the C ABI's
// exchange_* functions (a gh_exchange* is a pointer to an Exchange). Implementations
// may throw: the host API catches and reports GH_ERROR_INTERNAL to the plugin.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/plugin_host/open_upstreams.hpp>
#include <gatehouse/plugin_host/upstream.hpp>

#include <memory>
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
  // Semantics as gh_host_api.exchange_request_header / exchange_form_field document them
  // (credentials read as absent; form values are views into requestBody()).
  virtual std::string_view requestHeader(std::string_view name) const = 0;
  virtual std::string_view formField(std::string_view name) const = 0;
  // The provider credential chosen for this exchange (gh_host_api.exchange_credential, ABI
  // 1.3): the same on every call, empty when the provider has no credential pool. Not
  // const: the first call makes the choice.
  virtual std::string_view credential() = 0;

  // Semantics and return values exactly as gh_host_api.exchange_respond /
  // exchange_stream_event / exchange_stream_begin / exchange_stream_write /
  // exchange_report_usage document them.
  virtual gh_status respond(int httpStatus, std::string_view contentType, std::string_view body) = 0;
  virtual gh_status streamEvent(std::string_view data) = 0;
  virtual gh_status streamBegin(int httpStatus, std::string_view contentType) = 0;
  virtual gh_status streamWrite(std::string_view data) = 0;
  virtual gh_status reportUsage(const gh_usage& usage) = 0;

  // Sends `request` through the serving provider's upstream client and waits for the
  // response head (gh_host_api.upstream_send). On GH_OK `response` is set; otherwise
  // `failure` says why and its status is returned.
  virtual gh_status sendUpstream(const UpstreamRequest& request, std::unique_ptr<UpstreamResponse>& response,
                                 UpstreamFailure& failure) = 0;

  // The upstream responses the plugin has open; ProviderInstance::handle closes them
  // all when the plugin returns.
  OpenUpstreams upstreams;
};

// A client request as auth and billing plugins see it (gh_request* points to one).
class ClientRequest {
public:
  virtual ~ClientRequest() = default;
  // Case-insensitive; empty when absent.
  virtual std::string_view header(std::string_view name) const = 0;
  virtual std::string_view method() const = 0;
  virtual std::string_view path() const = 0;
  // The raw query string without '?' (still percent-encoded); empty when there is none.
  virtual std::string_view query() const = 0;
  virtual std::string_view clientAddress() const = 0;
};

} // namespace gatehouse
