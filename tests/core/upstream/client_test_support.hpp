// Shared by the upstream client's tests: sending a request in one call, and configs with
// timeouts short enough for tests.
#pragma once

#include <gatehouse/config/config.hpp>
#include <gatehouse/plugin_host/upstream.hpp>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace gatehouse::testing {

struct Sent {
  gh_status status = GH_OK;
  std::unique_ptr<UpstreamResponse> response;
  UpstreamFailure failure;
};

struct TestRequest {
  std::string method = "POST";
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::vector<std::string> bodyParts;
};

Sent send(UpstreamClient& client, const TestRequest& request);

// A chat completion request for the mock upstream (with the key it wants and, when given,
// an x-mock-scenario).
TestRequest chatRequest(const std::string& baseUrl, bool stream, const std::string& scenario = "");

// Defaults, but with timeouts that fail a hung test within seconds.
UpstreamConfig testConfig();

// Reads the whole body; on failure the failure is returned in `failure`.
gh_status readAll(UpstreamResponse& response, std::string& body, UpstreamFailure& failure);

} // namespace gatehouse::testing
