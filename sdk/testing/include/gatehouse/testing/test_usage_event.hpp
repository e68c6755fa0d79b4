// An owning usage event for billing tests; view() lends it out as the ABI's gh_usage_event.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/str.hpp>

#include <cstdint>
#include <string>

namespace gatehouse::testing {

struct TestUsageEvent {
  int httpStatus = 200;
  std::string requestId = "test-request-id";
  std::string subject = "user:test";
  std::string team;
  std::string app;
  std::string keyId;
  std::string provider = "test-provider";
  std::string model = "test-model";
  std::string upstreamModel = "test-upstream-model";
  gh_endpoint endpoint = GH_ENDPOINT_CHAT_COMPLETIONS;
  bool streamed = false;
  std::int64_t startedAtMs = 0;
  std::int64_t durationMs = 0;
  gh_usage usage{sizeof(gh_usage), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, GH_IMAGE_QUALITY_UNKNOWN, 0};

  // Borrows this object's strings: keep it alive while the result is in use.
  gh_usage_event view() const {
    gh_usage_event event{};
    event.struct_size = sizeof(gh_usage_event);
    event.http_status = httpStatus;
    event.request_id = sdk::ghStr(requestId);
    event.subject = sdk::ghStr(subject);
    event.team = sdk::ghStr(team);
    event.app = sdk::ghStr(app);
    event.key_id = sdk::ghStr(keyId);
    event.provider = sdk::ghStr(provider);
    event.model = sdk::ghStr(model);
    event.upstream_model = sdk::ghStr(upstreamModel);
    event.endpoint = endpoint;
    event.streamed = streamed ? 1 : 0;
    event.started_at_ms = startedAtMs;
    event.duration_ms = durationMs;
    event.usage = usage;
    return event;
  }
};

} // namespace gatehouse::testing
