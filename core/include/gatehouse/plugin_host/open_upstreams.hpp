// The upstream responses a plugin holds open behind their gh_upstream* handles: those of
// one handle() call (the host closes whatever the plugin left open when handle() returns,
// so a plugin that forgets never leaks a connection), or those a plugin opened with
// http_send (the plugin's own until it closes them; the rest go when it is unloaded).
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/plugin_host/upstream.hpp>

#include <memory>
#include <mutex>
#include <vector>

namespace gatehouse {

class OpenUpstreams;

// What a gh_upstream* points to.
struct HostUpstream {
  OpenUpstreams* owner = nullptr;
  std::unique_ptr<UpstreamResponse> response;

  gh_upstream* handle() { return reinterpret_cast<gh_upstream*>(this); }
  static HostUpstream* from(gh_upstream* upstream) { return reinterpret_cast<HostUpstream*>(upstream); }
};

// Thread-safe: http_send handles are opened and closed from any plugin thread at once.
class OpenUpstreams {
public:
  OpenUpstreams() = default;
  OpenUpstreams(const OpenUpstreams&) = delete;
  OpenUpstreams& operator=(const OpenUpstreams&) = delete;
  ~OpenUpstreams() { closeAll(); }

  // Takes ownership of `response` and returns the handle the plugin gets for it.
  gh_upstream* adopt(std::unique_ptr<UpstreamResponse> response);
  // Destroys the response behind `upstream`; a handle not held here is ignored.
  void close(gh_upstream* upstream);
  void closeAll();
  std::size_t size() const;

private:
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<HostUpstream>> open_;
};

} // namespace gatehouse
