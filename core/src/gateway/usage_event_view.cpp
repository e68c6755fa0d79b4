#include <gatehouse/gateway/usage_event_view.hpp>
#include <gatehouse/plugin_host/abi_handles.hpp>

namespace gatehouse::gateway {

gh_usage_event usageEventView(const UsageEvent& event) {
  gh_usage_event view{};
  view.struct_size = sizeof(gh_usage_event);
  view.http_status = event.httpStatus;
  view.request_id = strOf(event.requestId);
  view.subject = strOf(event.subject);
  view.team = strOf(event.team);
  view.app = strOf(event.app);
  view.key_id = strOf(event.keyId);
  view.provider = strOf(event.provider);
  view.model = strOf(event.model);
  view.upstream_model = strOf(event.upstreamModel);
  view.endpoint = event.endpoint;
  view.streamed = event.streamed ? 1 : 0;
  view.started_at_ms = event.startedAtMs;
  view.duration_ms = event.durationMs;
  view.usage = event.usage;
  view.usage.struct_size = sizeof(gh_usage);
  return view;
}

} // namespace gatehouse::gateway
