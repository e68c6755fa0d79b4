#include <gatehouse/plugin_host/open_upstreams.hpp>

#include <algorithm>

namespace gatehouse {

gh_upstream* OpenUpstreams::adopt(std::unique_ptr<UpstreamResponse> response) {
  auto entry = std::make_unique<HostUpstream>();
  entry->owner = this;
  entry->response = std::move(response);
  gh_upstream* handle = entry->handle();
  const std::lock_guard lock(mutex_);
  open_.push_back(std::move(entry));
  return handle;
}

void OpenUpstreams::close(gh_upstream* upstream) {
  std::unique_ptr<HostUpstream> closing;
  {
    const std::lock_guard lock(mutex_);
    // A plugin holds at most a few at once: a linear search is the cheapest lookup.
    const auto found = std::find_if(open_.begin(), open_.end(),
                                    [upstream](const auto& entry) { return entry->handle() == upstream; });
    if (found == open_.end()) {
      return;
    }
    closing = std::move(*found);
    open_.erase(found);
  }
  // Destroyed outside the lock: ending an exchange may wait on its connection or pool.
}

void OpenUpstreams::closeAll() {
  std::vector<std::unique_ptr<HostUpstream>> closing;
  {
    const std::lock_guard lock(mutex_);
    closing.swap(open_);
  }
  // Newest first, like scopes unwinding.
  while (!closing.empty()) {
    closing.pop_back();
  }
}

std::size_t OpenUpstreams::size() const {
  const std::lock_guard lock(mutex_);
  return open_.size();
}

} // namespace gatehouse
