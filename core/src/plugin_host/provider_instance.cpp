#include <gatehouse/plugin_host/abi_handles.hpp>
#include <gatehouse/plugin_host/loaded_plugin.hpp>
#include <gatehouse/plugin_host/provider_instance.hpp>

#include <utility>

namespace gatehouse {

ProviderInstance::ProviderInstance(std::shared_ptr<LoadedPlugin> plugin, std::string name, void* instance)
    : plugin_(std::move(plugin)), name_(std::move(name)), instance_(instance) {
}

// The instance goes before plugin_ is released, so the library is still mapped and
// shutdown (if this was the last holder) runs after every instance is destroyed.
ProviderInstance::~ProviderInstance() {
  plugin_->provider().destroy(instance_);
}

const std::string& ProviderInstance::pluginName() const {
  return plugin_->name();
}

PluginResult ProviderInstance::handle(Exchange& exchange) {
  HostCall call;
  const gh_status status = plugin_->provider().handle(instance_, call.handle(), toHandle(exchange));
  // Whatever the plugin left open is abandoned: closing it now stops the upstream.
  exchange.upstreams.closeAll();
  return resultOf(status, std::move(call.error), plugin_->name());
}

} // namespace gatehouse
