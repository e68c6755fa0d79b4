// The Exchange through which the gateway asks a provider for its upstream's own model
// list (GH_ENDPOINT_MODELS): no client request behind it, and the answer is kept for
// the gateway instead of going to a client.
#pragma once

#include <gatehouse/gateway/credential_lease.hpp>
#include <gatehouse/gateway/provider.hpp>
#include <gatehouse/plugin_host/exchange.hpp>

#include <string>

namespace gatehouse::gateway {

class ModelListExchange final : public Exchange {
public:
  // `provider` must outlive the exchange. `requestId` (copied) labels the plugin's logs
  // and upstream requests: the id of the client request that caused the fetch.
  ModelListExchange(const Provider& provider, std::string_view requestId)
      : provider_(provider), requestId_(requestId), credential_(provider.credentialPool()) {}

  gh_endpoint endpoint() const override { return GH_ENDPOINT_MODELS; }
  std::string_view requestBody() const override { return {}; }
  std::string_view model() const override { return {}; }
  std::string_view upstreamModel() const override { return {}; }
  bool wantsStream() const override { return false; }
  std::string_view requestId() const override { return requestId_; }
  std::string_view requestHeader(std::string_view) const override { return {}; }
  std::string_view formField(std::string_view) const override { return {}; }
  std::string_view credential() override { return credential_.secret(); }

  // Keeps the one answer (status 200..599) instead of sending it anywhere.
  gh_status respond(int httpStatus, std::string_view contentType, std::string_view body) override;
  // A list is one document: streams are refused with GH_ERROR_INVALID_ARGUMENT.
  gh_status streamEvent(std::string_view data) override;
  gh_status streamBegin(int httpStatus, std::string_view contentType) override;
  gh_status streamWrite(std::string_view data) override;
  // Accepted and ignored: listing models is not a billed request.
  gh_status reportUsage(const gh_usage& usage) override;
  gh_status sendUpstream(const UpstreamRequest& request, std::unique_ptr<UpstreamResponse>& response,
                         UpstreamFailure& failure) override;

  bool responded() const { return httpStatus_ != 0; }
  int httpStatus() const { return httpStatus_; }
  const std::string& body() const { return body_; }

private:
  const Provider& provider_;
  std::string requestId_;
  CredentialLease credential_;
  int httpStatus_ = 0;
  std::string body_;
};

} // namespace gatehouse::gateway
