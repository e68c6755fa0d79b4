#include <gatehouse/gateway/credential_failover.hpp>
#include <gatehouse/gateway/credential_headers.hpp>
#include <gatehouse/gateway/pipeline_exchange.hpp>
#include <gatehouse/gateway/sse_framing.hpp>

#include <algorithm>
#include <cstddef>
#include <cstring>

namespace gatehouse::gateway {
namespace {

constexpr std::string_view kDefaultStreamType = "application/octet-stream";

bool isFinalStatus(int httpStatus) {
  return httpStatus >= 200 && httpStatus <= 599;
}

} // namespace

std::string_view PipelineExchange::requestHeader(std::string_view name) const {
  if (isCredentialHeader(name))
    return {};
  return request_.client.header(name);
}

std::string_view PipelineExchange::formField(std::string_view name) const {
  return modelRequest_.form.value(name);
}

gh_status PipelineExchange::clientWentAway() {
  clientGone_ = true;
  return GH_ERROR_CANCELLED;
}

gh_status PipelineExchange::respond(int httpStatus, std::string_view contentType, std::string_view body) {
  if (state_ != State::Nothing || response_.started())
    return GH_ERROR_INVALID_ARGUMENT;
  if (!isFinalStatus(httpStatus))
    return GH_ERROR_INVALID_ARGUMENT;
  state_ = State::Responded;
  httpStatus_ = httpStatus;
  response_.send(httpStatus, contentType.empty() ? std::string_view("application/json") : contentType, body);
  return GH_OK;
}

gh_status PipelineExchange::streamEvent(std::string_view data) {
  if (state_ == State::Responded || state_ == State::RawStreaming)
    return GH_ERROR_INVALID_ARGUMENT;
  if (clientGone_)
    return GH_ERROR_CANCELLED;
  if (state_ == State::Nothing) {
    state_ = State::Streaming;
    httpStatus_ = 200;
    if (!response_.beginEventStream())
      return clientWentAway();
  }
  frame_.clear();
  appendSseEvent(frame_, data);
  if (!response_.writeEvent(frame_))
    return clientWentAway();
  return GH_OK;
}

gh_status PipelineExchange::streamBegin(int httpStatus, std::string_view contentType) {
  if (state_ != State::Nothing || response_.started() || !isFinalStatus(httpStatus))
    return GH_ERROR_INVALID_ARGUMENT;
  state_ = State::RawStreaming;
  httpStatus_ = httpStatus;
  if (!response_.beginStream(httpStatus, contentType.empty() ? kDefaultStreamType : contentType))
    return clientWentAway();
  return GH_OK;
}

gh_status PipelineExchange::streamWrite(std::string_view data) {
  if (state_ != State::RawStreaming)
    return GH_ERROR_INVALID_ARGUMENT;
  if (clientGone_)
    return GH_ERROR_CANCELLED;
  if (!response_.writeBody(data))
    return clientWentAway();
  return GH_OK;
}

gh_status PipelineExchange::reportUsage(const gh_usage& usage) {
  // An older plugin's smaller struct is read as far as it goes; the rest stays zero.
  if (usage.struct_size < offsetof(gh_usage, completion_tokens) + sizeof(usage.completion_tokens)) {
    return GH_ERROR_INVALID_ARGUMENT;
  }
  gh_usage copy{};
  std::memcpy(&copy, &usage, std::min<std::size_t>(usage.struct_size, sizeof(gh_usage)));
  copy.struct_size = sizeof(gh_usage);
  usage_ = copy;
  return GH_OK;
}

gh_status PipelineExchange::sendUpstream(const UpstreamRequest& request,
                                         std::unique_ptr<UpstreamResponse>& response,
                                         UpstreamFailure& failure) {
  if (clientGone_) {
    // Nobody is left to read the answer: spare the upstream the work.
    failure.status = GH_ERROR_CANCELLED;
    failure.message = "the client went away";
    return failure.status;
  }
  return sendWithCredentialFailover(*route_.provider, credential_, request, response, failure);
}

} // namespace gatehouse::gateway
