#include <gatehouse/plugin_host/open_upstreams.hpp>

#include <algorithm>

namespace gatehouse {

gh_upstream* OpenUpstreams::adopt(std::unique_ptr<UpstreamResponse> response) {
  auto entry = std::make_unique<HostUpstream>();
  entry->owner = this;
  entry->response = std::move(response);
  gh_upstream* handle = entry->handle();
  open_.push_back(std::move(entry));
  return handle;
}

void OpenUpstreams::close(gh_upstream* upstream) {
  // A plugin holds at most a few at once: a linear search is the cheapest lookup.
  const auto found = std::find_if(open_.begin(), open_.end(),
                                  [upstream](const auto& entry) { return entry->handle() == upstream; });
  if (found != open_.end()) {
    open_.erase(found);
  }
}

void OpenUpstreams::closeAll() {
  // Newest first, like scopes unwinding.
  while (!open_.empty()) {
    open_.pop_back();
  }
}

} // namespace gatehouse
