// The Exchange a provider plugin serves one chat request through, bound to that
// request and its response. Tracks what was sent so the pipeline can finish the
// response correctly whatever the plugin did.
#pragma once

#include <gatehouse/gateway/chat_request.hpp>
#include <gatehouse/gateway/model_catalog.hpp>
#include <gatehouse/http/incoming_request.hpp>
#include <gatehouse/http/response_sink.hpp>
#include <gatehouse/plugin_host/exchange.hpp>

#include <string>

namespace gatehouse::gateway {

class PipelineExchange final : public Exchange {
public:
  enum class State { Nothing, Responded, Streaming };

  PipelineExchange(const http::IncomingRequest& request, const ChatRequest& chat, const ModelRoute& route,
                   http::ResponseSink& response)
      : request_(request), chat_(chat), route_(route), response_(response) {}

  gh_endpoint endpoint() const override { return GH_ENDPOINT_CHAT_COMPLETIONS; }
  std::string_view requestBody() const override { return request_.body; }
  std::string_view model() const override { return chat_.model; }
  std::string_view upstreamModel() const override { return route_.upstreamModel; }
  bool wantsStream() const override { return chat_.stream; }
  std::string_view requestId() const override { return request_.requestId; }

  gh_status respond(int httpStatus, std::string_view contentType, std::string_view body) override;
  gh_status streamEvent(std::string_view data) override;
  gh_status reportUsage(const gh_usage& usage) override;

  State state() const { return state_; }
  // True once a stream write failed: the client is gone.
  bool clientGone() const { return clientGone_; }
  // The status the client got (0 while nothing was sent).
  int httpStatus() const { return httpStatus_; }
  const gh_usage& usage() const { return usage_; }

private:
  const http::IncomingRequest& request_;
  const ChatRequest& chat_;
  const ModelRoute& route_;
  http::ResponseSink& response_;
  State state_ = State::Nothing;
  bool clientGone_ = false;
  int httpStatus_ = 0;
  gh_usage usage_{sizeof(gh_usage), 0, 0, 0, 0, 0, 0, 0, 0};
  std::string frame_; // reused for every event of the stream
};

} // namespace gatehouse::gateway
