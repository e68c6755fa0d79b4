// What the request pipeline needs of a provider: a name, a way to serve one exchange,
// and the client its plugin sends upstream requests through. PluginProvider adapts a
// plugin-backed ProviderInstance; tests use fakes.
#pragma once

#include <gatehouse/gateway/credential_pool.hpp>
#include <gatehouse/plugin_host/exchange.hpp>
#include <gatehouse/plugin_host/plugin_result.hpp>
#include <gatehouse/plugin_host/upstream.hpp>

#include <memory>
#include <string>

namespace gatehouse::gateway {

class Provider {
public:
  virtual ~Provider() = default;
  // The configured provider name (providers[].name).
  virtual const std::string& name() const = 0;
  // Serves one request through `exchange`. Must not throw; called from many threads.
  virtual PluginResult handle(Exchange& exchange) = 0;
  // The provider's own upstream client (providers[].upstream: pool, TLS, proxy,
  // timeouts); null when it has none, and then its plugin cannot send upstream.
  virtual const std::shared_ptr<UpstreamClient>& upstreamClient() const = 0;
  // The provider's credential pool (providers[].credentials); null when it has none and
  // its plugin uses the key of its own config.
  virtual CredentialPool* credentialPool() const = 0;
};

// Sends a plugin's upstream request through `provider`'s client (Exchange::sendUpstream
// semantics). A provider without a client fails with GH_ERROR_UNSUPPORTED.
gh_status sendUpstreamThrough(const Provider& provider, const UpstreamRequest& request,
                              std::unique_ptr<UpstreamResponse>& response, UpstreamFailure& failure);

} // namespace gatehouse::gateway
