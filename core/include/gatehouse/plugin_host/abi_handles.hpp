// What the ABI's opaque handles point to on the host side, and the only place that
// converts between the two. Plugins see just the opaque pointers.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/plugin_host/exchange.hpp>
#include <gatehouse/plugin_host/host_services.hpp>
#include <gatehouse/plugin_host/plugin_http.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace gatehouse {

// A gh_call*: one call into a plugin, collecting the message set with set_error.
struct HostCall {
  std::string error;
  gh_call* handle() { return reinterpret_cast<gh_call*>(this); }
  static HostCall* from(gh_call* call) { return reinterpret_cast<HostCall*>(call); }
};

// A gh_buffer*: bytes the plugin appends to and the host reads.
struct HostBuffer {
  std::string data;
  gh_buffer* handle() { return reinterpret_cast<gh_buffer*>(this); }
  static HostBuffer* from(gh_buffer* buffer) { return reinterpret_cast<HostBuffer*>(buffer); }
};

// A gh_host*: the host side of one loaded plugin, living as long as the plugin does.
struct HostContext {
  std::string pluginName;           // plugins[].name
  std::string configJson;           // plugins[].config, "{}" when absent
  std::string logComponent;         // "plugin:<name>"
  HostServices services;            // behind credential_find and identity_resolve; members may be null
  std::unique_ptr<PluginHttp> http; // behind http_send; null: the plugin has none
  gh_host* handle() { return reinterpret_cast<gh_host*>(this); }
  static HostContext* from(gh_host* host) { return reinterpret_cast<HostContext*>(host); }
};

inline gh_exchange* toHandle(Exchange& exchange) {
  return reinterpret_cast<gh_exchange*>(&exchange);
}
inline Exchange* fromHandle(gh_exchange* exchange) {
  return reinterpret_cast<Exchange*>(exchange);
}
inline gh_request* toHandle(ClientRequest& request) {
  return reinterpret_cast<gh_request*>(&request);
}
inline ClientRequest* fromHandle(gh_request* request) {
  return reinterpret_cast<ClientRequest*>(request);
}

// A plugin's gh_str as a view; a NULL pointer reads as empty whatever len says, so a
// broken view from a plugin never reaches memory it does not point to.
inline std::string_view viewOf(gh_str text) {
  return text.ptr == nullptr ? std::string_view() : std::string_view(text.ptr, text.len);
}
inline gh_str strOf(std::string_view text) {
  return gh_str{text.data(), text.size()};
}
// True for a view a plugin may legitimately pass: a pointer, or no bytes.
inline bool isWellFormed(gh_str text) {
  return text.ptr != nullptr || text.len == 0;
}

} // namespace gatehouse
