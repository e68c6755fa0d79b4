#include <gatehouse/plugin_host/plugin_http.hpp>

#include <exception>
#include <utility>

namespace gatehouse {

PluginHttp::PluginHttp(UpstreamConfig config, std::string label, ClientFactory factory)
    : config_(std::move(config)), label_(std::move(label)),
      factory_(std::move(factory)) {
}

bool PluginHttp::hasClient() const {
  const std::lock_guard lock(mutex_);
  return client_ != nullptr;
}

std::shared_ptr<UpstreamClient> PluginHttp::client(UpstreamFailure& failure) {
  const std::lock_guard lock(mutex_);
  if (client_ != nullptr) {
    return client_;
  }
  if (!factory_) {
    failure = UpstreamFailure{GH_ERROR_UNAVAILABLE, label_ + ": this gateway offers plugins no HTTP client"};
    return nullptr;
  }
  try {
    client_ = factory_(config_, label_);
  } catch (const std::exception& error) {
    // The factory's message names the plugin and the setting (a path, a secret reference),
    // never a secret value.
    failure = UpstreamFailure{GH_ERROR_CONFIG, error.what()};
    return nullptr;
  }
  if (client_ == nullptr) {
    failure = UpstreamFailure{GH_ERROR_CONFIG, label_ + ": no upstream client could be made"};
  }
  return client_;
}

gh_status PluginHttp::send(const UpstreamRequest& request, std::unique_ptr<UpstreamResponse>& response,
                           UpstreamFailure& failure) {
  // Held by value: sending takes as long as the upstream does, never under the lock.
  const std::shared_ptr<UpstreamClient> sender = client(failure);
  if (sender == nullptr) {
    return failure.status;
  }
  return sender->send(request, response, failure);
}

} // namespace gatehouse
