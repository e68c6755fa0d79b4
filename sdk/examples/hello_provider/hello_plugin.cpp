// The plugin itself: one object per loaded library, making one HelloProvider per
// configured provider. GATEHOUSE_PROVIDER_PLUGIN exports the entry point the gateway
// looks for; everything else in the library stays hidden.
#include <gatehouse/plugin.hpp>

#include <memory>
#include <string>

#include "hello_provider.hpp"

namespace hello {

class HelloPlugin : public gatehouse::sdk::ProviderPlugin {
public:
  explicit HelloPlugin(gatehouse::sdk::Host& host) : ProviderPlugin(host) {
    host.info("hello plugin loaded as '" + std::string(host.pluginName()) + "'");
  }

  std::unique_ptr<gatehouse::sdk::ProviderInstance> create(std::string_view providerName,
                                                           std::string_view configJson) override {
    auto provider = std::make_unique<HelloProvider>(configJson);
    host().debug("provider '" + std::string(providerName) + "' greets with: " + provider->greeting());
    return provider;
  }
};

} // namespace hello

GATEHOUSE_PROVIDER_PLUGIN(hello::HelloPlugin, "hello", "1.0.0")
