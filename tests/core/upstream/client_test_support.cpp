#include "client_test_support.hpp"

namespace gatehouse::testing {

Sent send(UpstreamClient& client, const TestRequest& request) {
  UpstreamRequest upstream;
  upstream.method = request.method;
  upstream.url = request.url;
  for (const auto& [name, value] : request.headers) {
    upstream.headers.emplace_back(name, value);
  }
  for (const std::string& part : request.bodyParts) {
    upstream.bodyParts.emplace_back(part);
  }
  Sent sent;
  sent.status = client.send(upstream, sent.response, sent.failure);
  return sent;
}

TestRequest chatRequest(const std::string& baseUrl, bool stream, const std::string& scenario) {
  TestRequest request;
  request.url = baseUrl + "/v1/chat/completions";
  request.headers = {{"Authorization", "Bearer test-key"}, {"Content-Type", "application/json"}};
  if (!scenario.empty()) {
    request.headers.emplace_back("x-mock-scenario", scenario);
  }
  request.bodyParts = {std::string(R"({"model":"gpt-4o","stream":)") + (stream ? "true" : "false"),
                       R"(,"messages":[{"role":"user","content":"hello"}]})"};
  return request;
}

UpstreamConfig testConfig() {
  UpstreamConfig config;
  config.connectTimeoutMs = 5000;
  config.firstByteTimeoutMs = 10000;
  config.idleTimeoutMs = 10000;
  config.totalTimeoutMs = 20000;
  return config;
}

gh_status readAll(UpstreamResponse& response, std::string& body, UpstreamFailure& failure) {
  return response.readBody(body, failure);
}

} // namespace gatehouse::testing
