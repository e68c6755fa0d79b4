// The fake upstream behind one FakeExchange: the test queues the answers, the plugin's
// upstream_send takes them in order, and every request the plugin sent is recorded
// (method, URL, headers, the body parts joined) for the test to check.
//
//   exchange.upstream().respond(FakeUpstreamResponse::body(200, R"({"ok":true})"));
//   host.handle("p", exchange);
//   EXPECT_EQ(exchange.upstream().requests().at(0).url, "https://api.example/v1/x");
//   EXPECT_EQ(exchange.upstream().leftOpen(), 0u);
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/str.hpp>
#include <gatehouse/testing/fake_multipart.hpp>
#include <gatehouse/testing/fake_upstream.hpp>
#include <gatehouse/testing/fake_upstream_response.hpp>

#include <cstddef>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gatehouse::testing {

// A request as the plugin sent it upstream.
struct FakeUpstreamRequest {
  std::string method;
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers; // in the order sent
  std::vector<std::string> bodyParts;
  std::string body; // the parts joined

  // First header of that name (case-insensitive); empty when absent.
  std::string_view header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
      if (detail::equalsIgnoringCase(key, name)) {
        return value;
      }
    }
    return {};
  }
  bool hasHeader(std::string_view name) const {
    for (const auto& entry : headers) {
      if (detail::equalsIgnoringCase(entry.first, name)) {
        return true;
      }
    }
    return false;
  }
};

class FakeUpstreamScript {
public:
  // Queues the answer to the next request the plugin sends.
  FakeUpstreamScript& respond(FakeUpstreamResponse response) {
    queue_.push_back(std::move(response));
    return *this;
  }

  const std::vector<FakeUpstreamRequest>& requests() const { return requests_; }
  // Answers queued but never asked for.
  std::size_t unused() const { return queue_.size(); }
  // Every response the plugin opened, in order.
  std::vector<const FakeUpstream*> opened() const {
    std::vector<const FakeUpstream*> out;
    for (const auto& upstream : opened_) {
      out.push_back(upstream.get());
    }
    return out;
  }
  // Opened and not yet closed by anyone.
  std::size_t leftOpen() const {
    std::size_t count = 0;
    for (const auto& upstream : opened_) {
      count += upstream->closed() ? 0 : 1;
    }
    return count;
  }
  // Closed by the FakeHost because the plugin still held them when handle returned.
  std::size_t closedByHost() const {
    std::size_t count = 0;
    for (const auto& upstream : opened_) {
      count += upstream->closedByHost() ? 1 : 0;
    }
    return count;
  }
  // Every ABI rule the plugin broke on this exchange's upstreams; empty for a good plugin.
  std::vector<std::string> misuses() const {
    std::vector<std::string> out = sendMisuses_;
    for (const auto& upstream : opened_) {
      out.insert(out.end(), upstream->misuses().begin(), upstream->misuses().end());
    }
    return out;
  }

  // --- the host side: what upstream_send does, and the close after handle ---
  gh_status send(const gh_upstream_request& request, gh_upstream** outUpstream, std::string& why) {
    FakeUpstreamRequest recorded;
    if (!read(request, recorded, why)) {
      sendMisuses_.push_back(why);
      return GH_ERROR_INVALID_ARGUMENT;
    }
    requests_.push_back(std::move(recorded));
    if (queue_.empty()) {
      why = "fake upstream: no response queued for request " + std::to_string(requests_.size());
      return GH_ERROR_UPSTREAM;
    }
    FakeUpstreamResponse response = std::move(queue_.front());
    queue_.pop_front();
    if (response.sendFailure()) {
      why = response.sendFailure()->message;
      return response.sendFailure()->status;
    }
    opened_.push_back(std::make_unique<FakeUpstream>(std::move(response)));
    *outUpstream = opened_.back()->handle();
    return GH_OK;
  }

  void closeAllByHost() {
    for (auto& upstream : opened_) {
      upstream->close(true);
    }
  }

private:
  static bool wellFormed(gh_str text) { return text.ptr != nullptr || text.len == 0; }
  static bool isAbsoluteUrl(std::string_view url) {
    for (std::string_view scheme : {std::string_view("http://"), std::string_view("https://")}) {
      if (url.size() > scheme.size() && detail::equalsIgnoringCase(url.substr(0, scheme.size()), scheme)) {
        return true;
      }
    }
    return false;
  }
  static bool isToken(std::string_view name) {
    if (name.empty()) {
      return false;
    }
    for (char c : name) {
      if (c <= ' ' || c == ':' || c == 127) {
        return false;
      }
    }
    return true;
  }

  // The ABI's rules for a request; false with `why` when the plugin broke one.
  static bool read(const gh_upstream_request& raw, FakeUpstreamRequest& out, std::string& why) {
    if (raw.struct_size < sizeof(gh_upstream_request)) {
      why = "upstream_send: struct_size is smaller than gh_upstream_request";
      return false;
    }
    if (!wellFormed(raw.method) || !wellFormed(raw.url) ||
        (raw.headers == nullptr && raw.header_count != 0) ||
        (raw.body_parts == nullptr && raw.body_part_count != 0)) {
      why = "upstream_send: malformed request (NULL view or NULL array)";
      return false;
    }
    out.method = std::string(sdk::view(raw.method));
    out.url = std::string(sdk::view(raw.url));
    if (!isToken(out.method)) {
      why = "upstream_send: the method must be a token such as POST";
      return false;
    }
    if (!isAbsoluteUrl(out.url)) {
      why = "upstream_send: the url must be absolute (http:// or https://)";
      return false;
    }
    for (std::size_t i = 0; i < raw.header_count; ++i) {
      const gh_header& header = raw.headers[i];
      if (!wellFormed(header.name) || !wellFormed(header.value)) {
        why = "upstream_send: malformed header (NULL view)";
        return false;
      }
      const std::string_view name = sdk::view(header.name);
      const std::string_view value = sdk::view(header.value);
      if (!isToken(name) || value.find_first_of("\r\n") != std::string_view::npos) {
        why = "upstream_send: malformed header name or value";
        return false;
      }
      for (std::string_view reserved : {"Host", "Content-Length", "Connection"}) {
        if (detail::equalsIgnoringCase(name, reserved)) {
          why = "upstream_send: the host sets " + std::string(reserved) + "; a plugin must not";
          return false;
        }
      }
      out.headers.emplace_back(name, value);
    }
    for (std::size_t i = 0; i < raw.body_part_count; ++i) {
      if (!wellFormed(raw.body_parts[i])) {
        why = "upstream_send: malformed body part (NULL view)";
        return false;
      }
      out.bodyParts.emplace_back(sdk::view(raw.body_parts[i]));
      out.body += out.bodyParts.back();
    }
    return true;
  }

  std::deque<FakeUpstreamResponse> queue_;
  std::vector<FakeUpstreamRequest> requests_;
  std::vector<std::unique_ptr<FakeUpstream>> opened_;
  std::vector<std::string> sendMisuses_;
};

} // namespace gatehouse::testing
