// A read-only view of one finished request's gh_usage_event, valid during the call.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/error.hpp>
#include <gatehouse/sdk/str.hpp>

#include <cstdint>
#include <string_view>

namespace gatehouse::sdk {

struct UsageEventView {
  int httpStatus = 0;
  std::string_view requestId;
  std::string_view subject;
  std::string_view team;
  std::string_view app;
  std::string_view keyId;
  std::string_view provider;      // configured provider name
  std::string_view model;         // public model name the client asked for
  std::string_view upstreamModel; // model name sent upstream
  gh_endpoint endpoint = GH_ENDPOINT_CHAT_COMPLETIONS;
  bool streamed = false;
  std::int64_t startedAtMs = 0;
  std::int64_t durationMs = 0;
  gh_usage usage{};

  static UsageEventView from(const gh_usage_event* event) {
    if (event == nullptr) {
      throw Error(GH_ERROR_INVALID_ARGUMENT, "usage event is NULL");
    }
    if (event->struct_size < sizeof(gh_usage_event)) {
      throw Error(GH_ERROR_INVALID_ARGUMENT, "gh_usage_event is smaller than ABI 1.0 defines");
    }
    UsageEventView out;
    out.httpStatus = event->http_status;
    out.requestId = view(event->request_id);
    out.subject = view(event->subject);
    out.team = view(event->team);
    out.app = view(event->app);
    out.keyId = view(event->key_id);
    out.provider = view(event->provider);
    out.model = view(event->model);
    out.upstreamModel = view(event->upstream_model);
    out.endpoint = event->endpoint;
    out.streamed = event->streamed != 0;
    out.startedAtMs = event->started_at_ms;
    out.durationMs = event->duration_ms;
    out.usage = event->usage;
    return out;
  }
};

} // namespace gatehouse::sdk
