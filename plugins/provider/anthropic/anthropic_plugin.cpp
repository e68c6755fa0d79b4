// The anthropic provider plugin: OpenAI chat completions served by the Anthropic Messages
// API. Written against the SDK alone, as any third-party provider would be.
#include <gatehouse/plugin.hpp>

#include <memory>

#include "anthropic_config.hpp"
#include "anthropic_provider.hpp"

namespace gatehouse::plugins::anthropic {

class AnthropicPlugin final : public sdk::ProviderPlugin {
public:
  explicit AnthropicPlugin(sdk::Host& host) : ProviderPlugin(host) {}

  std::unique_ptr<sdk::ProviderInstance> create(std::string_view providerName,
                                                std::string_view configJson) override {
    AnthropicConfig config = parseAnthropicConfig(configJson);
    // Resolved once: a missing secret stops start-up instead of failing every request.
    // Without api_key each request needs a credential from the provider's pool.
    std::string apiKey =
        config.apiKeyReference ? host().resolveSecret(*config.apiKeyReference) : std::string();
    if (host().logEnabled(GH_LOG_DEBUG)) {
      host().debug("provider '" + std::string(providerName) + "': base_url=" + config.baseUrl +
                   " anthropic-version=" + config.anthropicVersion);
    }
    return std::make_unique<AnthropicProvider>(std::string(providerName), std::move(config),
                                               std::move(apiKey));
  }
};

} // namespace gatehouse::plugins::anthropic

GATEHOUSE_PROVIDER_PLUGIN(gatehouse::plugins::anthropic::AnthropicPlugin, "anthropic", "0.1.0")
