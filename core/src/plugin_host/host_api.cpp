#include <gatehouse/common/log.hpp>
#include <gatehouse/common/secret_reference.hpp>
#include <gatehouse/plugin_host/abi_handles.hpp>
#include <gatehouse/plugin_host/host_api.hpp>

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
    HostCall::from(call)->error.assign(viewOf(message));
    return 0;
  });
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
    return fromHandle(exchange)->respond(httpStatus, viewOf(contentType), viewOf(body));
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
    sizeof(gh_host_api), GH_ABI_VERSION_MAJOR, GH_ABI_VERSION_MINOR,  hostLog,
    hostLogEnabled,      hostSetError,         hostPluginConfig,      hostPluginName,
    hostResolveSecret,   hostBufferAppend,     hostBufferView,        exchangeEndpoint,
    exchangeRequestBody, exchangeModel,        exchangeUpstreamModel, exchangeWantsStream,
    exchangeRequestId,   exchangeRespond,      exchangeStreamEvent,   exchangeReportUsage,
    requestHeader,       requestMethod,        requestPath,           requestClientAddress,
    hostBufferCreate,    hostBufferDestroy,
};

} // namespace

const gh_host_api& hostApi() {
  return kHostApi;
}

} // namespace gatehouse
