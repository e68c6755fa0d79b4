// The gemini provider plugin: OpenAI-format requests served by the Google Generative
// Language API. Written against the SDK alone (plus RapidJSON), as a third party would.
#include <gatehouse/plugin.hpp>

#include <memory>
#include <string>

#include "gemini_config.hpp"
#include "gemini_provider.hpp"

namespace gatehouse::plugins::gemini {

class GeminiPlugin final : public sdk::ProviderPlugin {
public:
  explicit GeminiPlugin(sdk::Host& host) : ProviderPlugin(host) {}

  std::unique_ptr<sdk::ProviderInstance> create(std::string_view providerName,
                                                std::string_view configJson) override {
    GeminiConfig config = parseGeminiConfig(configJson);
    std::string apiKey;
    if (config.apiKeyRef) {
      try {
        apiKey = host().resolveSecret(*config.apiKeyRef);
      } catch (const sdk::Error& error) {
        // The host's message names the reference, never a value.
        throw sdk::Error(GH_ERROR_CONFIG,
                         "gemini provider '" + std::string(providerName) + "': api_key: " + error.what());
      }
    }
    if (host().logEnabled(GH_LOG_DEBUG)) {
      host().debug("provider '" + std::string(providerName) + "': " + config.baseUrl + "/" +
                   config.apiVersion);
    }
    UpstreamTarget target(std::string(providerName), std::move(config.baseUrl), std::move(config.apiVersion),
                          std::move(apiKey), std::move(config.extraHeaders));
    return std::make_unique<GeminiProvider>(
        std::move(target),
        ChatSettings{std::move(config.safetySettingsJson), config.fillMissingThoughtSignatures});
  }
};

} // namespace gatehouse::plugins::gemini

GATEHOUSE_PROVIDER_PLUGIN(gatehouse::plugins::gemini::GeminiPlugin, "gemini", "0.1.0")
