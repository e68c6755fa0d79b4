// Talking to the upstream provider through the host (ABI 1.1). The host owns sockets, TLS,
// pooling, the proxy and the timeouts; a plugin describes the request and reads the answer:
//
//   sdk::UpstreamRequest request;
//   request.url = baseUrl + "/chat/completions";
//   request.headers.emplace_back("Authorization", "Bearer " + apiKey);
//   request.headers.emplace_back("Content-Type", "application/json");
//   request.body = patchedJson;
//   sdk::Upstream upstream = exchange.send(request);
//   if (upstream.status() != 200) { ... upstream.readBody() ... }
//   while (auto event = upstream.nextEvent()) { ... event->data ... }
//
// Every failure throws Error with the host's status (GH_ERROR_UPSTREAM, _UPSTREAM_TIMEOUT,
// _UNAVAILABLE, _CANCELLED) and message; letting it escape handle() answers the client with
// the matching 502/504/503. Exchange::send works inside ProviderInstance::handle() only;
// Host::send (ABI 1.2) works from any plugin call, e.g. for OpenID discovery and JWKS.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/detail/guard.hpp>
#include <gatehouse/sdk/error.hpp>
#include <gatehouse/sdk/str.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gatehouse::sdk {

struct UpstreamRequest {
  std::string method = "POST";
  std::string url; // absolute http:// or https:// URL
  // Sent in order; never Host, Content-Length or Connection (the host sets those).
  std::vector<std::pair<std::string, std::string>> headers;
  // The body, used when bodyParts is empty.
  std::string body;
  // A body in pieces, sent one after another, for forwarding a large client body without
  // copying it (views into Exchange::requestBody() stay valid during handle()).
  std::vector<std::string_view> bodyParts;
};

// One Server-Sent Event; the views are valid until the next read on the same Upstream.
struct SseEvent {
  std::string_view event; // empty when the upstream sent no "event:" line
  std::string_view data;
  std::string_view id;
};

namespace detail {

// The host's message for a failed host call made on the current call, as an Error.
inline Error hostFailure(const gh_host_api& api, gh_status status, std::string_view what) {
  std::string message;
  if (api.call_error != nullptr) {
    message = std::string(view(api.call_error(currentCall())));
  }
  if (message.empty()) {
    message = std::string(what) + " failed (status " + std::to_string(status) + ")";
  }
  return Error(status, message);
}

// `request` as the ABI's gh_upstream_request. Borrows its strings (and the body parts'
// targets): keep `request` alive while raw() is in use.
class RawUpstreamRequest {
public:
  explicit RawUpstreamRequest(const UpstreamRequest& request) {
    headers_.reserve(request.headers.size());
    for (const auto& [name, value] : request.headers) {
      headers_.push_back(gh_header{ghStr(name), ghStr(value)});
    }
    if (request.bodyParts.empty()) {
      if (!request.body.empty()) {
        parts_.push_back(ghStr(request.body));
      }
    } else {
      parts_.reserve(request.bodyParts.size());
      for (std::string_view part : request.bodyParts) {
        parts_.push_back(ghStr(part));
      }
    }
    raw_.struct_size = sizeof raw_;
    raw_.method = ghStr(request.method);
    raw_.url = ghStr(request.url);
    raw_.headers = headers_.data();
    raw_.header_count = headers_.size();
    raw_.body_parts = parts_.data();
    raw_.body_part_count = parts_.size();
  }
  RawUpstreamRequest(const RawUpstreamRequest&) = delete;
  RawUpstreamRequest& operator=(const RawUpstreamRequest&) = delete;

  const gh_upstream_request* raw() const noexcept { return &raw_; }

private:
  std::vector<gh_header> headers_;
  std::vector<gh_str> parts_;
  gh_upstream_request raw_{};
};

} // namespace detail

// A response from the upstream. Move-only; closes the exchange with the upstream when
// destroyed (a fully read response gives its connection back to the pool, anything else
// closes it, which is how an abandoned stream stops upstream).
class Upstream {
public:
  Upstream(const gh_host_api& api, gh_upstream* upstream) noexcept : api_(&api), upstream_(upstream) {}
  Upstream(Upstream&& other) noexcept
      : api_(other.api_), upstream_(std::exchange(other.upstream_, nullptr)),
        buffer_(std::exchange(other.buffer_, nullptr)) {}
  Upstream& operator=(Upstream&& other) noexcept {
    if (this != &other) {
      close();
      api_ = other.api_;
      upstream_ = std::exchange(other.upstream_, nullptr);
      buffer_ = std::exchange(other.buffer_, nullptr);
    }
    return *this;
  }
  Upstream(const Upstream&) = delete;
  Upstream& operator=(const Upstream&) = delete;
  ~Upstream() { close(); }

  int status() const noexcept { return api_->upstream_status(upstream_); }
  // First header of that name (case-insensitive); empty when absent. Valid until close().
  std::string_view header(std::string_view name) const noexcept {
    return view(api_->upstream_header(upstream_, ghStr(name)));
  }

  // The whole (rest of the) body.
  std::string readBody() {
    gh_buffer* buffer = scratch();
    const gh_status status = api_->upstream_read_body(upstream_, detail::currentCall(), buffer);
    if (status != GH_OK) {
      throw detail::hostFailure(*api_, status, "reading the upstream response");
    }
    return std::string(view(api_->buffer_view(buffer)));
  }

  // The next event, or nullopt at the clean end of the stream.
  std::optional<SseEvent> nextEvent() {
    gh_sse_event event{};
    event.struct_size = sizeof event;
    const gh_status status = api_->upstream_next_event(upstream_, detail::currentCall(), &event);
    if (status != GH_OK) {
      throw detail::hostFailure(*api_, status, "reading the upstream stream");
    }
    if (event.end != 0) {
      return std::nullopt;
    }
    return SseEvent{view(event.event), view(event.data), view(event.id)};
  }

  // Replaces `out` with the next bytes of the body; false (and `out` empty) at its end.
  bool readChunk(std::string& out) {
    gh_buffer* buffer = scratch();
    const gh_status status = api_->upstream_read_chunk(upstream_, detail::currentCall(), buffer);
    if (status != GH_OK) {
      throw detail::hostFailure(*api_, status, "reading the upstream response");
    }
    out.assign(view(api_->buffer_view(buffer)));
    return !out.empty();
  }

  // Ends the exchange early; also done by the destructor.
  void close() noexcept {
    if (upstream_ != nullptr) {
      api_->upstream_close(upstream_);
      upstream_ = nullptr;
    }
    if (buffer_ != nullptr) {
      api_->buffer_destroy(buffer_);
      buffer_ = nullptr;
    }
  }

  gh_upstream* handle() const noexcept { return upstream_; }

private:
  // One plugin-owned buffer per Upstream, emptied (not reallocated) before each read.
  gh_buffer* scratch() {
    if (buffer_ != nullptr) {
      api_->buffer_clear(buffer_);
      return buffer_;
    }
    buffer_ = api_->buffer_create(nullptr);
    if (buffer_ == nullptr) {
      throw Error(GH_ERROR_INTERNAL, "out of memory reading the upstream response");
    }
    return buffer_;
  }

  const gh_host_api* api_;
  gh_upstream* upstream_;
  gh_buffer* buffer_ = nullptr;
};

} // namespace gatehouse::sdk
