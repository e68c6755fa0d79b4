// The host-level HTTP of one plugin (ABI 1.2 http_send), e.g. an OpenID plugin fetching
// discovery documents and JWKS outside of any client request. Each plugin gets its own
// UpstreamClient (plugins[].upstream: TLS, ca_file, proxy, timeouts), made on first use
// because most plugins never call it, and keeps the responses it opened until it closes them.
#pragma once

#include <gatehouse/config/config.hpp>
#include <gatehouse/plugin_abi.h>
#include <gatehouse/plugin_host/host_services.hpp>
#include <gatehouse/plugin_host/open_upstreams.hpp>
#include <gatehouse/plugin_host/upstream.hpp>

#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace gatehouse {

class PluginHttp {
public:
  using ClientFactory = HttpClientFactory;

  // `label` names the plugin in the client's logs and errors ("plugin 'oidc'"). With an empty
  // `factory` every send fails with GH_ERROR_UNAVAILABLE (the app offers plugins no HTTP).
  PluginHttp(UpstreamConfig config, std::string label, ClientFactory factory);
  PluginHttp(const PluginHttp&) = delete;
  PluginHttp& operator=(const PluginHttp&) = delete;

  // As UpstreamClient::send. When the client cannot be made from the config, fails with
  // GH_ERROR_CONFIG (and tries again on the next send: the cause, e.g. a ca_file, may be
  // fixed meanwhile). Thread-safe.
  gh_status send(const UpstreamRequest& request, std::unique_ptr<UpstreamResponse>& response,
                 UpstreamFailure& failure);

  // The responses the plugin has open (behind its gh_upstream* handles).
  OpenUpstreams& upstreams() { return upstreams_; }
  // True once the client was made (for tests of the laziness).
  bool hasClient() const;

private:
  std::shared_ptr<UpstreamClient> client(UpstreamFailure& failure);

  mutable std::mutex mutex_; // guards client_
  UpstreamConfig config_;
  std::string label_;
  ClientFactory factory_;
  std::shared_ptr<UpstreamClient> client_;
  // After client_, so responses still open go before the client that made them.
  OpenUpstreams upstreams_;
};

} // namespace gatehouse
