// An Exchange that serves canned request data and records what the plugin sent back.
#pragma once

#include <gatehouse/plugin_host/exchange.hpp>

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace gatehouse::host_testing {

class FakeExchange : public Exchange {
public:
  // The request, as the plugin will read it.
  gh_endpoint endpointValue = GH_ENDPOINT_CHAT_COMPLETIONS;
  std::string body = R"({"model":"gpt-test","messages":[]})";
  std::string modelName = "gpt-test";
  std::string upstreamModelName = "upstream-test";
  bool stream = false;
  std::string id = "req-123";
  // How the fake answers the plugin.
  gh_status streamResult = GH_OK;
  bool throwEverywhere = false;

  // What the plugin did.
  int responses = 0;
  int status = 0;
  std::string contentType;
  std::string responseBody;
  std::vector<std::string> events;
  std::optional<gh_usage> usage;

  gh_endpoint endpoint() const override { return check(endpointValue); }
  std::string_view requestBody() const override { return check(std::string_view(body)); }
  std::string_view model() const override { return check(std::string_view(modelName)); }
  std::string_view upstreamModel() const override { return check(std::string_view(upstreamModelName)); }
  bool wantsStream() const override { return check(stream); }
  std::string_view requestId() const override { return check(std::string_view(id)); }

  gh_status respond(int httpStatus, std::string_view type, std::string_view data) override {
    check(0);
    if (responses > 0 || !events.empty()) {
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
  gh_status reportUsage(const gh_usage& reported) override {
    check(0);
    usage = reported;
    return GH_OK;
  }

private:
  // Stands in for an HTTP layer whose connection code throws.
  template <typename T> T check(T value) const {
    if (throwEverywhere) {
      throw std::runtime_error("exchange failed");
    }
    return value;
  }
};

} // namespace gatehouse::host_testing
