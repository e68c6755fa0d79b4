// The host side of a provider plugin's upstream I/O (ABI 1.1 upstream_*): what a plugin
// asks to send and the response it reads back. The plugin host only adapts these to the C
// ABI; core/src/upstream implements them over real sockets, tests implement them in memory.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gatehouse {

// A request as the plugin described it. Views are valid only during the send call.
struct UpstreamRequest {
  std::string_view method;
  std::string_view url; // absolute http:// or https:// URL
  std::vector<std::pair<std::string_view, std::string_view>> headers;
  std::vector<std::string_view> bodyParts; // the body, in order; none: no body
};

// Why a send or a read failed. `status` is one of the GH_ERROR_* that upstream_send and
// the upstream_read_* calls document; `message` may reach the client, so it names the
// upstream host but never a credential or a query string.
struct UpstreamFailure {
  gh_status status = GH_OK;
  std::string message;
};

// One Server-Sent Event; views are valid until the next read on the same response.
struct SseEventView {
  bool end = false; // the body ended cleanly; no event was read
  std::string_view event;
  std::string_view data;
  std::string_view id;
};

// A response whose status line and headers have arrived. The body is read with one of
// the three read calls. Destroying it ends the exchange with the upstream: a fully read
// body gives the connection back to its pool, anything else closes the connection.
// Used by one thread at a time.
class UpstreamResponse {
public:
  virtual ~UpstreamResponse() = default;

  virtual int status() const = 0;
  // First header of that name, case-insensitive; empty when absent.
  virtual std::string_view header(std::string_view name) const = 0;

  // Each returns GH_OK or fills `failure` and returns its status.
  // Appends the whole rest of the body to `out`.
  virtual gh_status readBody(std::string& out, UpstreamFailure& failure) = 0;
  // Reads the next Server-Sent Event (out.end at the clean end of the body).
  virtual gh_status nextEvent(SseEventView& out, UpstreamFailure& failure) = 0;
  // Appends the next available bytes (at most 64 KiB) to `out`; nothing only at the end.
  virtual gh_status readChunk(std::string& out, UpstreamFailure& failure) = 0;
};

// Sends a provider's upstream requests (one per configured provider: its own pool, TLS
// settings, proxy and timeouts). Thread-safe.
class UpstreamClient {
public:
  virtual ~UpstreamClient() = default;
  // Sends `request` and waits for the status line and headers. On GH_OK `response` is
  // set (whatever the HTTP status); otherwise `failure` says why and its status is
  // returned: GH_ERROR_UPSTREAM, GH_ERROR_UPSTREAM_TIMEOUT, GH_ERROR_UNAVAILABLE (pool
  // full) or GH_ERROR_INVALID_ARGUMENT (a malformed request from the plugin).
  virtual gh_status send(const UpstreamRequest& request, std::unique_ptr<UpstreamResponse>& response,
                         UpstreamFailure& failure) = 0;
};

} // namespace gatehouse
