// An HttpClient for the protocol tests: answers by URL from what the test scripted, and
// records every request (the bodies and headers the plugin sent are what tests check).
#pragma once

#include <gatehouse/sdk/error.hpp>

#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "http_client.hpp"

namespace gatehouse::plugins::oidc::test {

class ScriptedHttp final : public HttpClient {
public:
  using Responder = std::function<HttpResponse(const sdk::UpstreamRequest&)>;

  // Every request to `url` is answered by `responder` (replacing an earlier one).
  void on(const std::string& url, Responder responder) {
    const std::lock_guard lock(mutex_);
    routes_[url] = std::move(responder);
  }
  void on(const std::string& url, int status, std::string body) {
    on(url, [status, body](const sdk::UpstreamRequest&) {
      return HttpResponse{status, "application/json", body};
    });
  }
  // Requests to `url` fail as an unreachable host does.
  void unreachable(const std::string& url) {
    on(url, [](const sdk::UpstreamRequest&) -> HttpResponse {
      throw sdk::Error(GH_ERROR_UPSTREAM, "cannot connect to idp.test");
    });
  }

  HttpResponse send(const sdk::UpstreamRequest& request) override {
    Responder responder;
    {
      const std::lock_guard lock(mutex_);
      requests_.push_back(request);
      const auto found = routes_.find(request.url);
      if (found == routes_.end()) {
        throw sdk::Error(GH_ERROR_UPSTREAM, "scripted http: nothing at " + request.url);
      }
      responder = found->second;
    }
    return responder(request);
  }

  std::vector<sdk::UpstreamRequest> requests() const {
    const std::lock_guard lock(mutex_);
    return requests_;
  }
  int count(const std::string& url) const {
    const std::lock_guard lock(mutex_);
    int n = 0;
    for (const auto& request : requests_) {
      n += request.url == url ? 1 : 0;
    }
    return n;
  }

private:
  mutable std::mutex mutex_;
  std::map<std::string, Responder> routes_;
  std::vector<sdk::UpstreamRequest> requests_;
};

// The header of `request` named `name` (exact case), or "" when absent.
inline std::string headerOf(const sdk::UpstreamRequest& request, const std::string& name) {
  for (const auto& [key, value] : request.headers) {
    if (key == name) {
      return value;
    }
  }
  return {};
}

} // namespace gatehouse::plugins::oidc::test
