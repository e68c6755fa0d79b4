#include <gatehouse/common/log.hpp>
#include <gatehouse/common/secret_redactor.hpp>
#include <gatehouse/common/secret_reference.hpp>
#include <gatehouse/plugin_host/abi_handles.hpp>
#include <gatehouse/plugin_host/abi_text.hpp>
#include <gatehouse/plugin_host/host_api.hpp>
#include <gatehouse/plugin_host/host_identity_calls.hpp>
#include <gatehouse/plugin_host/open_upstreams.hpp>
#include <gatehouse/plugin_host/request_redaction.hpp>

#include <algorithm>
#include <cstring>
#include <string>

// Every function here is called from plugin code, often C: none may throw, and each
// checks its handles because a plugin bug must not take the gateway down with it.
namespace gatehouse {
namespace {

constexpr std::string_view kUnknownPluginComponent = "plugin:?";

log::Level levelOf(gh_log_level level) {
  return static_cast<log::Level>(std::clamp<gh_log_level>(level, GH_LOG_DEBUG, GH_LOG_ERROR));
}

// Keeps a plugin's message on one log line, so it cannot forge lines of its own.
std::string oneLine(std::string_view message) {
  std::string line;
  line.reserve(message.size());
  for (char c : message) {
    if (c == '\n') {
      line += "\\n";
    } else if (c == '\r') {
      line += "\\r";
    } else {
      line += c;
    }
  }
  return line;
}

// Runs `body`, turning an exception from the Exchange/ClientRequest implementation
// into `fallback`, since it cannot unwind through the plugin's frames.
template <typename Result, typename Body> Result guarded(Result fallback, Body body) noexcept {
  try {
    return body();
  } catch (...) {
    return fallback;
  }
}

void hostLog(gh_host* host, gh_log_level level, gh_str message) {
  guarded(0, [&] {
    const log::Level at = levelOf(level);
    if (!log::enabled(at)) {
      return 0;
    }
    HostContext* context = HostContext::from(host);
    const std::string_view component =
        context ? std::string_view(context->logComponent) : kUnknownPluginComponent;
    log::write(at, component, oneLine(viewOf(message)));
    return 0;
  });
}

int32_t hostLogEnabled(gh_host*, gh_log_level level) {
  return log::enabled(levelOf(level)) ? 1 : 0;
}

void hostSetError(gh_call* call, gh_str message) {
  if (call == nullptr) {
    return;
  }
  guarded(0, [&] {
    std::string& error = HostCall::from(call)->error;
    error.assign(viewOf(message));
    // It may reach a client and the log: an upstream that echoed a key must not leak it.
    secrets::redact(error);
    return 0;
  });
}

gh_str hostCallError(gh_call* call) {
  return call ? strOf(HostCall::from(call)->error) : gh_str{nullptr, 0};
}

gh_str hostPluginConfig(gh_host* host) {
  return host ? strOf(HostContext::from(host)->configJson) : gh_str{nullptr, 0};
}

gh_str hostPluginName(gh_host* host) {
  return host ? strOf(HostContext::from(host)->pluginName) : gh_str{nullptr, 0};
}

gh_status failCall(gh_call* call, gh_status status, std::string_view message) {
  hostSetError(call, strOf(message));
  return status;
}

// As guarded, for calls that promise a message on every failure: an exception from the core
// side becomes GH_ERROR_INTERNAL with `failure` as the call's message (never what() itself,
// which may quote a request).
template <typename Body> gh_status guardedCall(gh_call* call, std::string_view failure, Body body) noexcept {
  try {
    return body();
  } catch (...) {
    return failCall(call, GH_ERROR_INTERNAL, failure);
  }
}

gh_status hostResolveSecret(gh_host*, gh_call* call, gh_str reference, gh_buffer* out) {
  if (out == nullptr) {
    return failCall(call, GH_ERROR_INVALID_ARGUMENT, "resolve_secret: no output buffer");
  }
  if (!isWellFormed(reference)) {
    return failCall(call, GH_ERROR_INVALID_ARGUMENT, "resolve_secret: NULL reference");
  }
  return guarded<gh_status>(GH_ERROR_INTERNAL, [&] {
    std::string value;
    std::string error;
    const gh_status status = resolveSecret(viewOf(reference), value, error);
    if (status != GH_OK) {
      // Also in `out`: a plugin cannot read a call's error back, but must report it.
      HostBuffer::from(out)->data.assign(error);
      return failCall(call, status, error);
    }
    HostBuffer::from(out)->data.append(value);
    // Not left behind in freed heap memory longer than needed.
    std::fill(value.begin(), value.end(), '\0');
    return GH_OK;
  });
}

void hostBufferAppend(gh_buffer* buffer, gh_str data) {
  if (buffer == nullptr || !isWellFormed(data)) {
    return;
  }
  guarded(0, [&] {
    HostBuffer::from(buffer)->data.append(viewOf(data));
    return 0;
  });
}

gh_str hostBufferView(gh_buffer* buffer) {
  return buffer ? strOf(HostBuffer::from(buffer)->data) : gh_str{nullptr, 0};
}

void hostBufferClear(gh_buffer* buffer) {
  if (buffer == nullptr) {
    return;
  }
  std::string& data = HostBuffer::from(buffer)->data;
  std::fill(data.begin(), data.end(), '\0');
  data.clear();
}

gh_buffer* hostBufferCreate(gh_host*) {
  return guarded<gh_buffer*>(nullptr, [] { return (new HostBuffer)->handle(); });
}

void hostBufferDestroy(gh_buffer* buffer) {
  if (buffer == nullptr) {
    return;
  }
  HostBuffer* owned = HostBuffer::from(buffer);
  // It may have held a secret: not left behind in freed heap memory.
  std::fill(owned->data.begin(), owned->data.end(), '\0');
  delete owned;
}

// Reads one string property of the exchange or request behind `handle`.
template <typename Handle, typename Getter> gh_str readView(Handle* handle, Getter getter) {
  if (handle == nullptr) {
    return gh_str{nullptr, 0};
  }
  return guarded(gh_str{nullptr, 0}, [&] { return strOf(getter(*fromHandle(handle))); });
}

gh_endpoint exchangeEndpoint(gh_exchange* exchange) {
  if (exchange == nullptr) {
    return 0;
  }
  return guarded<gh_endpoint>(0, [&] { return fromHandle(exchange)->endpoint(); });
}

gh_str exchangeRequestBody(gh_exchange* exchange) {
  return readView(exchange, [](Exchange& e) { return e.requestBody(); });
}
gh_str exchangeModel(gh_exchange* exchange) {
  return readView(exchange, [](Exchange& e) { return e.model(); });
}
gh_str exchangeUpstreamModel(gh_exchange* exchange) {
  return readView(exchange, [](Exchange& e) { return e.upstreamModel(); });
}
gh_str exchangeRequestId(gh_exchange* exchange) {
  return readView(exchange, [](Exchange& e) { return e.requestId(); });
}

int32_t exchangeWantsStream(gh_exchange* exchange) {
  if (exchange == nullptr) {
    return 0;
  }
  return guarded<int32_t>(0, [&] { return fromHandle(exchange)->wantsStream() ? 1 : 0; });
}

gh_status exchangeRespond(gh_exchange* exchange, int32_t httpStatus, gh_str contentType, gh_str body) {
  if (exchange == nullptr || !isWellFormed(contentType) || !isWellFormed(body)) {
    return GH_ERROR_INVALID_ARGUMENT;
  }
  if (httpStatus < 100 || httpStatus > 599) {
    return GH_ERROR_INVALID_ARGUMENT;
  }
  return guarded<gh_status>(GH_ERROR_INTERNAL, [&] {
    if (httpStatus < 400) {
      return fromHandle(exchange)->respond(httpStatus, viewOf(contentType), viewOf(body));
    }
    // Error bodies often quote what the upstream said, which may echo a credential.
    std::string checked(viewOf(body));
    secrets::redact(checked);
    return fromHandle(exchange)->respond(httpStatus, viewOf(contentType), checked);
  });
}

gh_status exchangeStreamBegin(gh_exchange* exchange, int32_t httpStatus, gh_str contentType) {
  if (exchange == nullptr || !isWellFormed(contentType) || httpStatus < 100 || httpStatus > 599) {
    return GH_ERROR_INVALID_ARGUMENT;
  }
  return guarded<gh_status>(
      GH_ERROR_INTERNAL, [&] { return fromHandle(exchange)->streamBegin(httpStatus, viewOf(contentType)); });
}

gh_status exchangeStreamWrite(gh_exchange* exchange, gh_str data) {
  if (exchange == nullptr || !isWellFormed(data)) {
    return GH_ERROR_INVALID_ARGUMENT;
  }
  return guarded<gh_status>(GH_ERROR_INTERNAL,
                            [&] { return fromHandle(exchange)->streamWrite(viewOf(data)); });
}

gh_str exchangeRequestHeader(gh_exchange* exchange, gh_str name) {
  if (!isWellFormed(name)) {
    return gh_str{nullptr, 0};
  }
  return readView(exchange, [&](Exchange& e) { return e.requestHeader(viewOf(name)); });
}

gh_str exchangeFormField(gh_exchange* exchange, gh_str name) {
  if (!isWellFormed(name)) {
    return gh_str{nullptr, 0};
  }
  return readView(exchange, [&](Exchange& e) { return e.formField(viewOf(name)); });
}

gh_str exchangeCredential(gh_exchange* exchange) {
  return readView(exchange, [](Exchange& e) { return e.credential(); });
}

// --- upstream I/O ------------------------------------------------------------------

// The plugin's request as core types; false when a view or the struct is malformed.
bool readUpstreamRequest(const gh_upstream_request& raw, UpstreamRequest& out) {
  if (raw.struct_size < sizeof(gh_upstream_request) || !isWellFormed(raw.method) || !isWellFormed(raw.url) ||
      (raw.headers == nullptr && raw.header_count != 0) ||
      (raw.body_parts == nullptr && raw.body_part_count != 0)) {
    return false;
  }
  out.method = viewOf(raw.method);
  out.url = viewOf(raw.url);
  out.headers.reserve(raw.header_count);
  for (std::size_t i = 0; i < raw.header_count; ++i) {
    const gh_header& header = raw.headers[i];
    if (!isWellFormed(header.name) || !isWellFormed(header.value)) {
      return false;
    }
    out.headers.emplace_back(viewOf(header.name), viewOf(header.value));
  }
  out.bodyParts.reserve(raw.body_part_count);
  for (std::size_t i = 0; i < raw.body_part_count; ++i) {
    if (!isWellFormed(raw.body_parts[i])) {
      return false;
    }
    out.bodyParts.push_back(viewOf(raw.body_parts[i]));
  }
  return true;
}

// Sends the plugin's request with `send` (the exchange's upstream client, or the plugin's
// own) and hands the response to `open` behind a new handle. `what` names the host call in
// messages.
template <typename Send>
gh_status sendAndAdopt(gh_call* call, std::string_view what, const gh_upstream_request& request,
                       OpenUpstreams& open, gh_upstream** outUpstream, Send send) {
  UpstreamRequest parsed;
  if (!readUpstreamRequest(request, parsed)) {
    return failCall(call, GH_ERROR_INVALID_ARGUMENT,
                    std::string(what) + ": malformed request (struct_size, NULL view or NULL array)");
  }
  std::unique_ptr<UpstreamResponse> response;
  UpstreamFailure failure;
  const gh_status status = send(parsed, response, failure);
  if (status != GH_OK) {
    std::string message = failure.message.empty()
                              ? std::string(what) + " failed (" + std::string(statusName(status)) + ")"
                              : std::move(failure.message);
    redactRequestDetails(message, parsed);
    return failCall(call, status, message);
  }
  if (response == nullptr) {
    return failCall(call, GH_ERROR_INTERNAL, std::string(what) + ": no response");
  }
  *outUpstream = open.adopt(std::move(response));
  return GH_OK;
}

gh_status upstreamSend(gh_exchange* exchange, gh_call* call, const gh_upstream_request* request,
                       gh_upstream** outUpstream) {
  if (outUpstream != nullptr) {
    *outUpstream = nullptr;
  }
  if (exchange == nullptr || request == nullptr || outUpstream == nullptr) {
    return failCall(call, GH_ERROR_INVALID_ARGUMENT, "upstream_send: NULL argument");
  }
  return guardedCall(call, "upstream_send: internal error in the host", [&] {
    Exchange& host = *fromHandle(exchange);
    return sendAndAdopt(
        call, "upstream_send", *request, host.upstreams, outUpstream,
        [&](const UpstreamRequest& parsed, std::unique_ptr<UpstreamResponse>& response,
            UpstreamFailure& failure) { return host.sendUpstream(parsed, response, failure); });
  });
}

// Like upstreamSend, outside of any exchange: through the plugin's own client, and the
// handle stays the plugin's until it closes it.
gh_status httpSend(gh_host* host, gh_call* call, const gh_upstream_request* request,
                   gh_upstream** outUpstream) {
  if (outUpstream != nullptr) {
    *outUpstream = nullptr;
  }
  if (host == nullptr || request == nullptr || outUpstream == nullptr) {
    return failCall(call, GH_ERROR_INVALID_ARGUMENT, "http_send: NULL argument");
  }
  return guardedCall(call, "http_send: internal error in the host", [&] {
    PluginHttp* http = HostContext::from(host)->http.get();
    if (http == nullptr) {
      return failCall(call, GH_ERROR_UNAVAILABLE, "http_send: this plugin has no HTTP client");
    }
    return sendAndAdopt(call, "http_send", *request, http->upstreams(), outUpstream,
                        [&](const UpstreamRequest& parsed, std::unique_ptr<UpstreamResponse>& response,
                            UpstreamFailure& failure) { return http->send(parsed, response, failure); });
  });
}

int32_t upstreamStatus(gh_upstream* upstream) {
  if (upstream == nullptr) {
    return 0;
  }
  return guarded<int32_t>(0, [&] { return HostUpstream::from(upstream)->response->status(); });
}

gh_str upstreamHeader(gh_upstream* upstream, gh_str name) {
  if (upstream == nullptr || !isWellFormed(name)) {
    return gh_str{nullptr, 0};
  }
  return guarded(gh_str{nullptr, 0},
                 [&] { return strOf(HostUpstream::from(upstream)->response->header(viewOf(name))); });
}

// Runs one read on the response behind `upstream`, reporting a failure on `call`.
template <typename Read> gh_status upstreamRead(gh_upstream* upstream, gh_call* call, Read read) {
  if (upstream == nullptr) {
    return failCall(call, GH_ERROR_INVALID_ARGUMENT, "upstream read: NULL upstream");
  }
  return guardedCall(call, "upstream read: internal error in the host", [&] {
    UpstreamFailure failure;
    const gh_status status = read(*HostUpstream::from(upstream)->response, failure);
    if (status != GH_OK) {
      return failCall(call, status, failure.message);
    }
    return GH_OK;
  });
}

gh_status upstreamReadBody(gh_upstream* upstream, gh_call* call, gh_buffer* out) {
  if (out == nullptr) {
    return failCall(call, GH_ERROR_INVALID_ARGUMENT, "upstream_read_body: no output buffer");
  }
  return upstreamRead(upstream, call, [&](UpstreamResponse& response, UpstreamFailure& failure) {
    return response.readBody(HostBuffer::from(out)->data, failure);
  });
}

gh_status upstreamReadChunk(gh_upstream* upstream, gh_call* call, gh_buffer* out) {
  if (out == nullptr) {
    return failCall(call, GH_ERROR_INVALID_ARGUMENT, "upstream_read_chunk: no output buffer");
  }
  return upstreamRead(upstream, call, [&](UpstreamResponse& response, UpstreamFailure& failure) {
    return response.readChunk(HostBuffer::from(out)->data, failure);
  });
}

gh_status upstreamNextEvent(gh_upstream* upstream, gh_call* call, gh_sse_event* outEvent) {
  if (outEvent == nullptr || outEvent->struct_size < sizeof(gh_sse_event)) {
    return failCall(call, GH_ERROR_INVALID_ARGUMENT, "upstream_next_event: missing or too small event");
  }
  return upstreamRead(upstream, call, [&](UpstreamResponse& response, UpstreamFailure& failure) {
    SseEventView event;
    const gh_status status = response.nextEvent(event, failure);
    if (status == GH_OK) {
      outEvent->end = event.end ? 1 : 0;
      outEvent->event = strOf(event.event);
      outEvent->data = strOf(event.data);
      outEvent->id = strOf(event.id);
    }
    return status;
  });
}

void upstreamClose(gh_upstream* upstream) {
  if (upstream == nullptr) {
    return;
  }
  guarded(0, [&] {
    HostUpstream* entry = HostUpstream::from(upstream);
    entry->owner->close(upstream);
    return 0;
  });
}

gh_status exchangeStreamEvent(gh_exchange* exchange, gh_str data) {
  if (exchange == nullptr || !isWellFormed(data)) {
    return GH_ERROR_INVALID_ARGUMENT;
  }
  return guarded<gh_status>(GH_ERROR_INTERNAL,
                            [&] { return fromHandle(exchange)->streamEvent(viewOf(data)); });
}

gh_status exchangeReportUsage(gh_exchange* exchange, const gh_usage* usage) {
  if (exchange == nullptr || usage == nullptr) {
    return GH_ERROR_INVALID_ARGUMENT;
  }
  // Only the bytes the plugin declared are its own; the rest of a newer struct is 0.
  gh_usage copy{};
  std::memcpy(&copy, usage, std::min<std::size_t>(usage->struct_size, sizeof copy));
  copy.struct_size = sizeof copy;
  return guarded<gh_status>(GH_ERROR_INTERNAL, [&] { return fromHandle(exchange)->reportUsage(copy); });
}

gh_str requestHeader(gh_request* request, gh_str name) {
  if (!isWellFormed(name)) {
    return gh_str{nullptr, 0};
  }
  return readView(request, [&](ClientRequest& r) { return r.header(viewOf(name)); });
}
gh_str requestMethod(gh_request* request) {
  return readView(request, [](ClientRequest& r) { return r.method(); });
}
gh_str requestPath(gh_request* request) {
  return readView(request, [](ClientRequest& r) { return r.path(); });
}
gh_str requestClientAddress(gh_request* request) {
  return readView(request, [](ClientRequest& r) { return r.clientAddress(); });
}

constexpr gh_host_api kHostApi = {
    sizeof(gh_host_api),
    GH_ABI_VERSION_MAJOR,
    GH_ABI_VERSION_MINOR,
    hostLog,
    hostLogEnabled,
    hostSetError,
    hostPluginConfig,
    hostPluginName,
    hostResolveSecret,
    hostBufferAppend,
    hostBufferView,
    exchangeEndpoint,
    exchangeRequestBody,
    exchangeModel,
    exchangeUpstreamModel,
    exchangeWantsStream,
    exchangeRequestId,
    exchangeRespond,
    exchangeStreamEvent,
    exchangeReportUsage,
    requestHeader,
    requestMethod,
    requestPath,
    requestClientAddress,
    hostBufferCreate,
    hostBufferDestroy,
    // 1.1
    exchangeRequestHeader,
    exchangeFormField,
    exchangeStreamBegin,
    exchangeStreamWrite,
    upstreamSend,
    upstreamStatus,
    upstreamHeader,
    upstreamReadBody,
    upstreamNextEvent,
    upstreamReadChunk,
    upstreamClose,
    hostCallError,
    hostBufferClear,
    // 1.2
    hostCredentialFind,
    hostIdentityResolve,
    httpSend,
    // 1.3
    exchangeCredential,
};

} // namespace

const gh_host_api& hostApi() {
  return kHostApi;
}

} // namespace gatehouse
