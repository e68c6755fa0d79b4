// A client request for a provider plugin's unit test: the test sets the request up, the
// plugin answers through the FakeHost's exchange_* functions, the test inspects what came
// back. Host-side rules are those of plugin_abi.h, so a plugin that misuses the exchange
// (answers twice, streams after responding) is caught here rather than in production.
// The fake upstream the plugin talks to is upstream() (see fake_upstream_script.hpp).
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/testing/fake_multipart.hpp>
#include <gatehouse/testing/fake_upstream_script.hpp>

#include <cstddef>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gatehouse::testing {

class FakeExchange {
public:
  // --- the request, as the test sets it up (defaults: a non-streamed chat completion) ---
  FakeExchange& setEndpoint(gh_endpoint endpoint) {
    endpoint_ = endpoint;
    return *this;
  }
  FakeExchange& setBody(std::string body) {
    body_ = std::move(body);
    return *this;
  }
  FakeExchange& setModel(std::string model) {
    model_ = std::move(model);
    return *this;
  }
  FakeExchange& setUpstreamModel(std::string model) {
    upstreamModel_ = std::move(model);
    return *this;
  }
  FakeExchange& setStream(bool stream) {
    stream_ = stream;
    return *this;
  }
  FakeExchange& setRequestId(std::string requestId) {
    requestId_ = std::move(requestId);
    return *this;
  }
  // Adds a client request header; names compare case-insensitively, the first match wins.
  // Credentials can be set, but read as absent through requestHeader(), as in the host.
  FakeExchange& setHeader(std::string name, std::string value) {
    headers_.emplace_back(std::move(name), std::move(value));
    return *this;
  }
  // A multipart/form-data request: the form's body and its Content-Type header.
  FakeExchange& setForm(const FakeMultipartForm& form) {
    body_ = form.body();
    return setHeader("Content-Type", form.contentType());
  }
  // The credential exchange_credential hands the plugin, as if the provider had a pool
  // (providers[].credentials); empty (the default) means no pool.
  FakeExchange& setCredential(std::string credential) {
    credential_ = std::move(credential);
    return *this;
  }
  // The client goes away once `deliveries` stream events or raw stream writes were
  // delivered: every later one is refused with GH_ERROR_CANCELLED and not recorded.
  FakeExchange& disconnectAfter(std::size_t deliveries) {
    disconnectAfter_ = deliveries;
    return *this;
  }

  gh_endpoint endpoint() const { return endpoint_; }
  const std::string& requestBody() const { return body_; }
  const std::string& model() const { return model_; }
  const std::string& upstreamModel() const { return upstreamModel_; }
  bool wantsStream() const { return stream_; }
  const std::string& requestId() const { return requestId_; }
  // What exchange_request_header answers: empty when absent, and always for credentials.
  std::string_view requestHeader(std::string_view name) const {
    for (std::string_view hidden : kCredentialHeaders) {
      if (detail::equalsIgnoringCase(name, hidden)) {
        return {};
      }
    }
    for (const auto& [key, value] : headers_) {
      if (detail::equalsIgnoringCase(key, name)) {
        return value;
      }
    }
    return {};
  }
  const std::string& credential() const { return credential_; }
  // What exchange_form_field answers: a view into requestBody(), nullopt when absent or
  // when the request is not multipart/form-data.
  std::optional<std::string_view> formField(std::string_view name) const {
    return multipartField(body_, requestHeader("Content-Type"), name);
  }

  // The fake upstream this request's plugin talks to.
  FakeUpstreamScript& upstream() { return upstream_; }
  const FakeUpstreamScript& upstream() const { return upstream_; }

  // --- the host side: what the FakeHost's exchange_* functions do ---
  gh_status respond(int httpStatus, std::string_view contentType, std::string_view body) {
    if (started()) {
      return refuse();
    }
    responded_ = true;
    status_ = httpStatus;
    contentType_ = std::string(contentType);
    responseBody_ = std::string(body);
    return GH_OK;
  }

  gh_status streamEvent(std::string_view data) {
    if (responded_ || rawStarted_) {
      return refuse();
    }
    if (clientGone()) {
      return GH_ERROR_CANCELLED;
    }
    events_.emplace_back(data);
    return GH_OK;
  }

  // A raw (non-SSE) streamed response: begin once, before anything else was sent.
  gh_status streamBegin(int httpStatus, std::string_view contentType) {
    if (started() || httpStatus < 100 || httpStatus > 599) {
      return refuse();
    }
    rawStarted_ = true;
    status_ = httpStatus;
    contentType_ = std::string(contentType);
    return GH_OK;
  }
  gh_status streamWrite(std::string_view data) {
    if (!rawStarted_) {
      return refuse();
    }
    if (clientGone()) {
      return GH_ERROR_CANCELLED;
    }
    rawWrites_.emplace_back(data);
    rawBody_.append(data.data(), data.size());
    return GH_OK;
  }

  // Copies only the fields the plugin's struct has, so an older plugin's usage reads as
  // zeros for fields it does not know (the ABI's struct_size rule).
  gh_status reportUsage(const gh_usage* usage) {
    if (usage == nullptr) {
      return GH_ERROR_INVALID_ARGUMENT;
    }
    gh_usage copy{};
    std::memcpy(&copy, usage, usage->struct_size < sizeof(gh_usage) ? usage->struct_size : sizeof(gh_usage));
    copy.struct_size = sizeof(gh_usage);
    usage_ = copy;
    ++usageReports_;
    return GH_OK;
  }

  // --- what the plugin sent ---
  bool responded() const { return responded_; }
  // The status and content type of respond() or of streamBegin().
  int status() const { return status_; }
  const std::string& contentType() const { return contentType_; }
  // A raw stream: whether it was begun, every write, and the writes joined.
  bool rawStarted() const { return rawStarted_; }
  const std::vector<std::string>& rawWrites() const { return rawWrites_; }
  const std::string& rawBody() const { return rawBody_; }
  const std::string& responseBody() const { return responseBody_; }
  const std::vector<std::string>& events() const { return events_; }
  bool streamed() const { return !events_.empty(); }
  // True once the plugin was told the client had gone away.
  bool cancelled() const { return cancelled_; }
  // The last usage reported, if any.
  const std::optional<gh_usage>& usage() const { return usage_; }
  int usageReports() const { return usageReports_; }
  // respond / stream_event / stream_begin / stream_write calls refused because they broke
  // the one-kind-of-response rule (or a bad status for stream_begin).
  int refusedCalls() const { return refusedCalls_; }

  gh_exchange* handle() { return reinterpret_cast<gh_exchange*>(this); }
  static FakeExchange& from(gh_exchange* exchange) { return *reinterpret_cast<FakeExchange*>(exchange); }

  // The client headers exchange_request_header never shows a plugin.
  static constexpr std::string_view kCredentialHeaders[] = {
      "Authorization", "Proxy-Authorization", "Cookie", "x-api-key", "x-goog-api-key", "api-key"};

private:
  bool started() const { return responded_ || !events_.empty() || cancelled_ || rawStarted_; }
  bool clientGone() {
    if (events_.size() + rawWrites_.size() >= disconnectAfter_) {
      cancelled_ = true;
    }
    return cancelled_;
  }
  gh_status refuse() {
    ++refusedCalls_;
    return GH_ERROR_INVALID_ARGUMENT;
  }

  gh_endpoint endpoint_ = GH_ENDPOINT_CHAT_COMPLETIONS;
  std::string body_ = "{}";
  std::string model_ = "test-model";
  std::string upstreamModel_ = "test-upstream-model";
  bool stream_ = false;
  std::string requestId_ = "test-request-id";
  std::string credential_;
  std::size_t disconnectAfter_ = std::numeric_limits<std::size_t>::max();
  std::vector<std::pair<std::string, std::string>> headers_;

  bool responded_ = false;
  int status_ = 0;
  std::string contentType_;
  std::string responseBody_;
  std::vector<std::string> events_;
  bool rawStarted_ = false;
  std::vector<std::string> rawWrites_;
  std::string rawBody_;
  bool cancelled_ = false;
  std::optional<gh_usage> usage_;
  int usageReports_ = 0;
  int refusedCalls_ = 0;
  FakeUpstreamScript upstream_;
};

} // namespace gatehouse::testing
