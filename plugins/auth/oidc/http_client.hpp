// How the plugin's protocol code reaches the identity provider. The plugin sends through
// the host (Host::send: the host owns TLS, the proxy and timeouts); tests script answers.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/upstream.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace gatehouse::plugins::oidc {

struct HttpResponse {
  int status = 0;
  std::string contentType;
  std::string body;
};

class HttpClient {
public:
  virtual ~HttpClient() = default;
  // Sends `request` and reads the whole response, whatever its status. Throws sdk::Error
  // (GH_ERROR_UPSTREAM, _UPSTREAM_TIMEOUT, _UNAVAILABLE) when the IdP cannot be reached.
  virtual HttpResponse send(const sdk::UpstreamRequest& request) = 0;
};

// Unix time in milliseconds; the plugin reads the system clock, tests a settable one.
using Clock = std::function<std::int64_t()>;
std::int64_t systemClockMs();

// Where the protocol code writes its log lines (the plugin: the host's log). Never given
// a secret or a token.
using LogSink = std::function<void(gh_log_level, const std::string&)>;

} // namespace gatehouse::plugins::oidc
