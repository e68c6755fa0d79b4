#include <gatehouse/gateway/pipeline_exchange.hpp>
#include <gatehouse/gateway/sse_framing.hpp>

#include <algorithm>
#include <cstddef>
#include <cstring>

namespace gatehouse::gateway {

gh_status PipelineExchange::respond(int httpStatus, std::string_view contentType, std::string_view body) {
  if (state_ != State::Nothing || response_.started())
    return GH_ERROR_INVALID_ARGUMENT;
  if (httpStatus < 200 || httpStatus > 599)
    return GH_ERROR_INVALID_ARGUMENT;
  state_ = State::Responded;
  httpStatus_ = httpStatus;
  response_.send(httpStatus, contentType.empty() ? std::string_view("application/json") : contentType, body);
  return GH_OK;
}

gh_status PipelineExchange::streamEvent(std::string_view data) {
  if (state_ == State::Responded)
    return GH_ERROR_INVALID_ARGUMENT;
  if (clientGone_)
    return GH_ERROR_CANCELLED;
  if (state_ == State::Nothing) {
    state_ = State::Streaming;
    httpStatus_ = 200;
    if (!response_.beginEventStream()) {
      clientGone_ = true;
      return GH_ERROR_CANCELLED;
    }
  }
  frame_.clear();
  appendSseEvent(frame_, data);
  if (!response_.writeEvent(frame_)) {
    clientGone_ = true;
    return GH_ERROR_CANCELLED;
  }
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

} // namespace gatehouse::gateway
