// An Exchange that serves canned request data, records what the plugin sent back, and
// answers upstream sends from a script of FakeUpstreamResponses or failures.
#pragma once

#include <gatehouse/plugin_host/exchange.hpp>

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "fake_upstream_response.hpp"

namespace gatehouse::host_testing {

// An upstream request as the plugin described it, copied (the host's views die with the call).
struct SentRequest {
  std::string method;
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::vector<std::string> bodyParts;
};

class FakeExchange : public Exchange {
public:
  // The request, as the plugin will read it.
  gh_endpoint endpointValue = GH_ENDPOINT_CHAT_COMPLETIONS;
  std::string body = R"({"model":"gpt-test","messages":[]})";
  std::string modelName = "gpt-test";
  std::string upstreamModelName = "upstream-test";
  bool stream = false;
  std::string id = "req-123";
  std::map<std::string, std::string, std::less<>> requestHeaders; // exact names; the real one folds case
  std::map<std::string, std::string, std::less<>> formFields;
  std::string credentialValue; // what credential() answers; empty: no pool
  // How the fake answers the plugin.
  gh_status streamResult = GH_OK; // returned by streamEvent, streamBegin and streamWrite
  bool throwEverywhere = false;
  std::shared_ptr<UpstreamTracker> tracker = std::make_shared<UpstreamTracker>();

  // What the plugin did.
  int responses = 0;
  int status = 0;
  std::string contentType;
  std::string responseBody;
  std::vector<std::string> events;
  std::optional<gh_usage> usage;
  bool rawStarted = false;
  std::vector<std::string> rawWrites;
  std::vector<SentRequest> sent;
  mutable std::vector<std::string> headersAsked;

  // Scripts the next upstream send to answer with a response; returns it for more scripting
  // (valid until the host adopts it, i.e. until the send).
  FakeUpstreamResponse& willRespond(int httpStatus) {
    auto response = std::make_unique<FakeUpstreamResponse>(httpStatus, tracker);
    FakeUpstreamResponse& scripted = *response;
    script_.push_back(Scripted{std::move(response), {}});
    return scripted;
  }
  // Scripts the next upstream send to fail.
  void willFail(gh_status failureStatus, std::string message) {
    script_.push_back(Scripted{nullptr, UpstreamFailure{failureStatus, std::move(message)}});
  }
  // Scripts the next upstream send to break its contract: GH_OK without a response.
  void willReturnNoResponse() { script_.push_back(Scripted{nullptr, {}}); }

  gh_endpoint endpoint() const override { return check(endpointValue); }
  std::string_view requestBody() const override { return check(std::string_view(body)); }
  std::string_view model() const override { return check(std::string_view(modelName)); }
  std::string_view upstreamModel() const override { return check(std::string_view(upstreamModelName)); }
  bool wantsStream() const override { return check(stream); }
  std::string_view requestId() const override { return check(std::string_view(id)); }
  std::string_view requestHeader(std::string_view name) const override {
    check(0);
    headersAsked.emplace_back(name);
    return lookup(requestHeaders, name);
  }
  std::string_view formField(std::string_view name) const override {
    check(0);
    return lookup(formFields, name);
  }
  std::string_view credential() override {
    check(0);
    return credentialValue;
  }

  gh_status respond(int httpStatus, std::string_view type, std::string_view data) override {
    check(0);
    if (responses > 0 || !events.empty() || rawStarted) {
      return GH_ERROR_INVALID_ARGUMENT;
    }
    ++responses;
    status = httpStatus;
    contentType = type;
    responseBody = data;
    return GH_OK;
  }
  gh_status streamEvent(std::string_view data) override {
    check(0);
    if (streamResult != GH_OK) {
      return streamResult;
    }
    events.emplace_back(data);
    return GH_OK;
  }
  gh_status streamBegin(int httpStatus, std::string_view type) override {
    check(0);
    if (responses > 0 || !events.empty() || rawStarted) {
      return GH_ERROR_INVALID_ARGUMENT;
    }
    if (streamResult != GH_OK) {
      return streamResult;
    }
    rawStarted = true;
    status = httpStatus;
    contentType = type;
    return GH_OK;
  }
  gh_status streamWrite(std::string_view data) override {
    check(0);
    if (!rawStarted) {
      return GH_ERROR_INVALID_ARGUMENT;
    }
    if (streamResult != GH_OK) {
      return streamResult;
    }
    rawWrites.emplace_back(data);
    return GH_OK;
  }
  gh_status reportUsage(const gh_usage& reported) override {
    check(0);
    usage = reported;
    return GH_OK;
  }

  gh_status sendUpstream(const UpstreamRequest& request, std::unique_ptr<UpstreamResponse>& response,
                         UpstreamFailure& failure) override {
    check(0);
    SentRequest copy{std::string(request.method), std::string(request.url), {}, {}};
    for (const auto& [name, value] : request.headers) {
      copy.headers.emplace_back(name, value);
    }
    for (std::string_view part : request.bodyParts) {
      copy.bodyParts.emplace_back(part);
    }
    sent.push_back(std::move(copy));
    if (script_.empty()) {
      failure = UpstreamFailure{GH_ERROR_UPSTREAM, "the test scripted no upstream response"};
      return failure.status;
    }
    Scripted next = std::move(script_.front());
    script_.pop_front();
    if (next.failure.status != GH_OK) {
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

  static std::string_view lookup(const std::map<std::string, std::string, std::less<>>& values,
                                 std::string_view name) {
    const auto found = values.find(name);
    return found == values.end() ? std::string_view() : std::string_view(found->second);
  }

  // Stands in for an HTTP layer whose connection code throws.
  template <typename T> T check(T value) const {
    if (throwEverywhere) {
      throw std::runtime_error("exchange failed");
    }
    return value;
  }

  std::deque<Scripted> script_;
};

} // namespace gatehouse::host_testing
