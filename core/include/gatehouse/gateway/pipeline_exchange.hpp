// The Exchange a provider plugin serves one model request through, bound to that
// request and its response. Tracks what was sent so the pipeline can finish the
// response correctly whatever the plugin did.
#pragma once

#include <gatehouse/gateway/credential_lease.hpp>
#include <gatehouse/gateway/model_catalog.hpp>
#include <gatehouse/gateway/model_request.hpp>
#include <gatehouse/http/incoming_request.hpp>
#include <gatehouse/http/response_sink.hpp>
#include <gatehouse/plugin_host/exchange.hpp>

#include <string>

namespace gatehouse::gateway {

class PipelineExchange final : public Exchange {
public:
  // Nothing sent yet; a complete response; a Server-Sent Events stream
  // (streamEvent); a raw chunked stream (streamBegin/streamWrite).
  enum class State { Nothing, Responded, Streaming, RawStreaming };

  // All must outlive the exchange.
  PipelineExchange(const http::IncomingRequest& request, const ModelRequest& modelRequest,
                   const ModelRoute& route, http::ResponseSink& response)
      : request_(request), modelRequest_(modelRequest), route_(route), response_(response),
        credential_(route.provider != nullptr ? route.provider->credentialPool() : nullptr) {}

  gh_endpoint endpoint() const override { return modelRequest_.endpoint; }
  std::string_view requestBody() const override { return request_.body; }
  std::string_view model() const override { return modelRequest_.model; }
  std::string_view upstreamModel() const override { return route_.upstreamModel; }
  bool wantsStream() const override { return modelRequest_.stream; }
  std::string_view requestId() const override { return request_.requestId; }
  // Credential headers (credential_headers.hpp) read as absent.
  std::string_view requestHeader(std::string_view name) const override;
  // Views into requestBody(); empty for a request that is not multipart.
  std::string_view formField(std::string_view name) const override;
  // From the route's provider's credential pool, chosen on the first call.
  std::string_view credential() override { return credential_.secret(); }

  gh_status respond(int httpStatus, std::string_view contentType, std::string_view body) override;
  gh_status streamEvent(std::string_view data) override;
  gh_status streamBegin(int httpStatus, std::string_view contentType) override;
  gh_status streamWrite(std::string_view data) override;
  gh_status reportUsage(const gh_usage& usage) override;
  // Through the route's provider's UpstreamClient; GH_ERROR_CANCELLED once the client
  // is known to be gone. A 429, 401 or 403 rests the pooled credential, if one was used.
  gh_status sendUpstream(const UpstreamRequest& request, std::unique_ptr<UpstreamResponse>& response,
                         UpstreamFailure& failure) override;

  State state() const { return state_; }
  // True when the answer went out as a stream (events or raw).
  bool streamed() const { return state_ == State::Streaming || state_ == State::RawStreaming; }
  // True once a stream write failed: the client is gone.
  bool clientGone() const { return clientGone_; }
  // The status the client got (0 while nothing was sent).
  int httpStatus() const { return httpStatus_; }
  const gh_usage& usage() const { return usage_; }
  // The status the exchange ended with, as the pipeline answered the client: a provider's
  // 401 or 403 rests the pooled credential it was given (CredentialLease::observeOutcome).
  void finished(int finalHttpStatus) { credential_.observeOutcome(finalHttpStatus); }

private:
  gh_status clientWentAway();

  const http::IncomingRequest& request_;
  const ModelRequest& modelRequest_;
  const ModelRoute& route_;
  http::ResponseSink& response_;
  CredentialLease credential_;
  State state_ = State::Nothing;
  bool clientGone_ = false;
  int httpStatus_ = 0;
  gh_usage usage_ = emptyUsage();
  std::string frame_; // reused for every event of the stream

  static gh_usage emptyUsage() {
    gh_usage usage{};
    usage.struct_size = sizeof(gh_usage);
    return usage;
  }
};

} // namespace gatehouse::gateway
