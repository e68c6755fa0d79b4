// One finished request's usage, as the request path hands it to accounting. Owning
// counterpart of the ABI's gh_usage_event (see usage_event_view.hpp for the bridge).
#pragma once

#include <gatehouse/plugin_abi.h>

#include <cstdint>
#include <string>

namespace gatehouse {

struct UsageEvent {
  std::string requestId;      // unique per request; makes store writes idempotent
  std::string subject;        // principal's user id ("" when anonymous)
  std::string team;
  std::string app;
  std::string keyId;
  std::string provider;       // configured provider name
  std::string model;          // public model name the client asked for
  std::string upstreamModel;
  gh_endpoint endpoint = GH_ENDPOINT_CHAT_COMPLETIONS;
  bool streamed = false;
  int httpStatus = 200;
  std::int64_t startedAtMs = 0; // unix epoch milliseconds
  std::int64_t durationMs = 0;
  gh_usage usage{sizeof(gh_usage), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, GH_IMAGE_QUALITY_UNKNOWN, 0};
  std::int64_t costMicroUsd = -1; // -1: not priced
};

} // namespace gatehouse
