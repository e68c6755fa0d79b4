// The mock provider plugin: written against the SDK alone (plugin.hpp and
// gatehouse_add_plugin), as any third-party provider would be.
#include <gatehouse/plugin.hpp>

#include <memory>

#include "mock_config.hpp"
#include "mock_provider.hpp"

namespace gatehouse::plugins::mock {

class MockPlugin final : public sdk::ProviderPlugin {
public:
  explicit MockPlugin(sdk::Host& host) : ProviderPlugin(host) {}

  std::unique_ptr<sdk::ProviderInstance> create(std::string_view providerName,
                                                std::string_view configJson) override {
    MockConfig config = parseMockConfig(configJson);
    if (host().logEnabled(GH_LOG_DEBUG)) {
      host().debug("provider '" + std::string(providerName) + "': latency_ms=" +
                   std::to_string(config.latencyMs) + " chunks=" + std::to_string(config.chunks));
    }
    return std::make_unique<MockProvider>(std::move(config));
  }
};

} // namespace gatehouse::plugins::mock

GATEHOUSE_PROVIDER_PLUGIN(gatehouse::plugins::mock::MockPlugin, "mock", "0.1.0")
