// An UpstreamClient for plugin-host tests: answers sends from a script of
// FakeUpstreamResponses or failures and records what it was asked to send.
#pragma once

#include <gatehouse/plugin_host/upstream.hpp>

#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "fake_exchange.hpp"
#include "fake_upstream_response.hpp"

namespace gatehouse::host_testing {

class FakeUpstreamClient : public UpstreamClient {
public:
  std::shared_ptr<UpstreamTracker> tracker = std::make_shared<UpstreamTracker>();

  FakeUpstreamResponse& willRespond(int httpStatus) {
    auto response = std::make_unique<FakeUpstreamResponse>(httpStatus, tracker);
    FakeUpstreamResponse& scripted = *response;
    const std::lock_guard lock(mutex_);
    script_.push_back(Scripted{std::move(response), {}});
    return scripted;
  }
  void willFail(gh_status status, std::string message) {
    const std::lock_guard lock(mutex_);
    script_.push_back(Scripted{nullptr, UpstreamFailure{status, std::move(message)}});
  }

  std::vector<SentRequest> sent() const {
    const std::lock_guard lock(mutex_);
    return sent_;
  }

  gh_status send(const UpstreamRequest& request, std::unique_ptr<UpstreamResponse>& response,
                 UpstreamFailure& failure) override {
    const std::lock_guard lock(mutex_);
    SentRequest copy{std::string(request.method), std::string(request.url), {}, {}};
    for (const auto& header : request.headers) {
      copy.headers.emplace_back(header.first, header.second);
    }
    for (const std::string_view part : request.bodyParts) {
      copy.bodyParts.emplace_back(part);
    }
    sent_.push_back(std::move(copy));
    if (script_.empty()) {
      failure = UpstreamFailure{GH_ERROR_UPSTREAM, "nothing scripted"};
      return failure.status;
    }
    Scripted next = std::move(script_.front());
    script_.pop_front();
    if (next.response == nullptr) {
      failure = next.failure;
      return failure.status;
    }
    response = std::move(next.response);
    return GH_OK;
  }

private:
  struct Scripted {
    std::unique_ptr<FakeUpstreamResponse> response;
    UpstreamFailure failure;
  };
  mutable std::mutex mutex_;
  std::deque<Scripted> script_;
  std::vector<SentRequest> sent_;
};

} // namespace gatehouse::host_testing
