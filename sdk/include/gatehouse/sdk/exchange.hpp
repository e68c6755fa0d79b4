// One client request while a provider instance serves it. Valid only during handle().
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/error.hpp>
#include <gatehouse/sdk/str.hpp>
#include <gatehouse/sdk/upstream.hpp>

#include <string>
#include <string_view>

namespace gatehouse::sdk {

class Exchange {
public:
  Exchange(const gh_host_api& api, gh_exchange* exchange) noexcept : api_(&api), exchange_(exchange) {}

  // Views below are owned by the host and valid until handle() returns.
  gh_endpoint endpoint() const noexcept { return api_->exchange_endpoint(exchange_); }
  std::string_view requestBody() const noexcept { return view(api_->exchange_request_body(exchange_)); }
  std::string_view model() const noexcept { return view(api_->exchange_model(exchange_)); }
  std::string_view upstreamModel() const noexcept { return view(api_->exchange_upstream_model(exchange_)); }
  bool wantsStream() const noexcept { return api_->exchange_wants_stream(exchange_) != 0; }
  std::string_view requestId() const noexcept { return view(api_->exchange_request_id(exchange_)); }
  // A client request header (case-insensitive); credentials always read as absent.
  std::string_view requestHeader(std::string_view name) const noexcept {
    return view(api_->exchange_request_header(exchange_, ghStr(name)));
  }
  // A multipart/form-data field's value (a file part's content), as a view INTO
  // requestBody(); empty when absent.
  std::string_view formField(std::string_view name) const noexcept {
    return view(api_->exchange_form_field(exchange_, ghStr(name)));
  }

  // The credential the host chose for this exchange from the provider's pool
  // (providers[].credentials, ABI 1.3); empty when the provider has none, and then the
  // plugin uses the key of its own config. Put it into the request as it is and ask again
  // before each send: when the upstream refuses it, send() retries with another key of the
  // pool in its place, and this returns that key from then on. A secret: never log it.
  std::string_view credential() const noexcept { return view(api_->exchange_credential(exchange_)); }

  // Sends a request upstream and waits for its status and headers. Throws Error (with
  // GH_ERROR_UPSTREAM, _UPSTREAM_TIMEOUT, _UNAVAILABLE or _CANCELLED) when there is no
  // response; an HTTP error status is a response, not an exception.
  Upstream send(const UpstreamRequest& request) {
    const detail::RawUpstreamRequest raw(request);
    gh_upstream* upstream = nullptr;
    const gh_status status = api_->upstream_send(exchange_, detail::currentCall(), raw.raw(), &upstream);
    if (status != GH_OK) {
      throw detail::hostFailure(*api_, status, "sending the upstream request");
    }
    return Upstream(*api_, upstream);
  }

  // Sends the whole, non-streamed response; the host copies everything. Throws Error when
  // the host refuses it, which only happens when a response was already started (a bug
  // in the plugin, hence GH_ERROR_INTERNAL) or the client is gone (GH_ERROR_CANCELLED).
  void respond(int httpStatus, std::string_view contentType, std::string_view body) {
    gh_status status = api_->exchange_respond(exchange_, httpStatus, ghStr(contentType), ghStr(body));
    if (status != GH_OK) {
      throw failure(status, "respond");
    }
  }

  // Sends one Server-Sent Event: `data` is the JSON alone, the host adds the framing.
  // Returns false once the client has gone away: stop producing and return from handle().
  bool streamEvent(std::string_view data) {
    gh_status status = api_->exchange_stream_event(exchange_, ghStr(data));
    if (status == GH_ERROR_CANCELLED) {
      return false;
    }
    if (status != GH_OK) {
      throw failure(status, "streamEvent");
    }
    return true;
  }

  // Starts a streamed, non-SSE response (e.g. audio) with any status and content type.
  // Returns false when the client has gone away.
  bool streamBegin(int httpStatus, std::string_view contentType) {
    return streamed(api_->exchange_stream_begin(exchange_, httpStatus, ghStr(contentType)), "streamBegin");
  }
  // Sends the next bytes of a response started with streamBegin. False: the client is gone.
  bool streamWrite(std::string_view data) {
    return streamed(api_->exchange_stream_write(exchange_, ghStr(data)), "streamWrite");
  }

  // Reports what the request consumed; the last report counts. struct_size is filled in.
  void reportUsage(gh_usage usage) {
    usage.struct_size = sizeof(gh_usage);
    gh_status status = api_->exchange_report_usage(exchange_, &usage);
    if (status != GH_OK) {
      throw failure(status, "reportUsage");
    }
  }

  gh_exchange* handle() const noexcept { return exchange_; }

private:
  static bool streamed(gh_status status, const char* what) {
    if (status == GH_ERROR_CANCELLED) {
      return false;
    }
    if (status != GH_OK) {
      throw failure(status, what);
    }
    return true;
  }

  static Error failure(gh_status status, const char* what) {
    if (status == GH_ERROR_CANCELLED) {
      return Error(status, "the client went away");
    }
    std::string message = std::string(what) + " refused by the host (status " + std::to_string(status) + ")";
    if (status == GH_ERROR_INVALID_ARGUMENT) {
      message += ": a response was already started";
    }
    return Error(GH_ERROR_INTERNAL, message);
  }

  const gh_host_api* api_;
  gh_exchange* exchange_;
};

} // namespace gatehouse::sdk
