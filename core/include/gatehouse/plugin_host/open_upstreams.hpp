// The upstream responses a plugin holds open during one handle() call, behind their
// gh_upstream* handles. The host closes whatever the plugin left open when handle()
// returns, so a plugin that forgets (or throws) never leaks a connection.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/plugin_host/upstream.hpp>

#include <memory>
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
  std::size_t size() const { return open_.size(); }

private:
  std::vector<std::unique_ptr<HostUpstream>> open_;
};

} // namespace gatehouse
