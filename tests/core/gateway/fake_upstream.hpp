// An in-memory UpstreamClient: records what it was asked to send and answers with a
// canned response or failure. Each response reports its destruction, so tests can see
// the exchange close what a plugin left open.
#pragma once

#include <gatehouse/plugin_host/upstream.hpp>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace gatehouse::testing {

class FakeUpstreamResponse final : public UpstreamResponse {
public:
  using Headers = std::vector<std::pair<std::string, std::string>>;

  FakeUpstreamResponse(int statusCode, std::string body, std::shared_ptr<int> destroyed, Headers headers = {})
      : status_(statusCode), body_(std::move(body)), destroyed_(std::move(destroyed)),
        headers_(std::move(headers)) {}
  ~FakeUpstreamResponse() override { ++*destroyed_; }

  int status() const override { return status_; }
  // Exact-case match: tests write header names as the caller looks them up.
  std::string_view header(std::string_view name) const override {
    for (const auto& [key, value] : headers_) {
      if (key == name) {
        return value;
      }
    }
    return {};
  }
  gh_status readBody(std::string& out, UpstreamFailure&) override {
    out.append(body_);
    body_.clear();
    return GH_OK;
  }
  gh_status nextEvent(SseEventView& out, UpstreamFailure&) override {
    out = SseEventView{};
    out.end = true;
    return GH_OK;
  }
  gh_status readChunk(std::string& out, UpstreamFailure& failure) override { return readBody(out, failure); }

private:
  int status_;
  std::string body_;
  std::shared_ptr<int> destroyed_;
  Headers headers_;
};

class FakeUpstreamClient final : public UpstreamClient {
public:
  struct Sent {
    std::string method, url, body;
    std::vector<std::pair<std::string, std::string>> headers;
  };

  gh_status send(const UpstreamRequest& request, std::unique_ptr<UpstreamResponse>& response,
                 UpstreamFailure& failure) override {
    Sent sent{std::string(request.method), std::string(request.url), {}, {}};
    for (const auto& part : request.bodyParts)
      sent.body.append(part);
    for (const auto& [name, value] : request.headers)
      sent.headers.emplace_back(name, value);
    sentRequests.push_back(std::move(sent));
    if (failWith != GH_OK) {
      failure.status = failWith;
      failure.message = failMessage;
      return failWith;
    }
    const int status = statusFor ? statusFor(sentRequests.back()) : responseStatus;
    response = std::make_unique<FakeUpstreamResponse>(status, responseBody, destroyed, responseHeaders);
    return GH_OK;
  }

  std::vector<Sent> sentRequests;
  int responseStatus = 200;
  std::function<int(const Sent&)> statusFor; // when set, decides each response's status
  std::string responseBody = "{}";
  FakeUpstreamResponse::Headers responseHeaders;
  gh_status failWith = GH_OK;
  std::string failMessage;
  std::shared_ptr<int> destroyed = std::make_shared<int>(0); // responses destroyed so far
};

} // namespace gatehouse::testing
