// What the request pipeline needs of a provider: a name and a way to serve one
// exchange. PluginProvider adapts a plugin-backed ProviderInstance; tests use fakes.
#pragma once

#include <gatehouse/plugin_host/exchange.hpp>
#include <gatehouse/plugin_host/plugin_result.hpp>

#include <string>

namespace gatehouse::gateway {

class Provider {
public:
  virtual ~Provider() = default;
  // The configured provider name (providers[].name).
  virtual const std::string& name() const = 0;
  // Serves one request through `exchange`. Must not throw; called from many threads.
  virtual PluginResult handle(Exchange& exchange) = 0;
};

} // namespace gatehouse::gateway
