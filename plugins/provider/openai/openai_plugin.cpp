// The openai provider plugin: OpenAI, Azure OpenAI and OpenAI-compatible servers (vLLM,
// Ollama, llama.cpp, DeepSeek, Mistral, Groq, xAI, OpenRouter, Together, ...). Written
// against the SDK alone, as any third-party provider would be.
#include <gatehouse/plugin.hpp>

#include <memory>

#include "openai_config.hpp"
#include "openai_provider.hpp"

namespace gatehouse::plugins::openai {

class OpenAiPlugin final : public sdk::ProviderPlugin {
public:
  explicit OpenAiPlugin(sdk::Host& host) : ProviderPlugin(host) {}

  std::unique_ptr<sdk::ProviderInstance> create(std::string_view providerName,
                                                std::string_view configJson) override {
    const OpenAiConfig config = parseOpenAiConfig(configJson);
    std::string apiKey = config.apiKey ? resolveKey(*config.apiKey) : std::string();
    if (host().logEnabled(GH_LOG_DEBUG)) {
      host().debug("provider '" + std::string(providerName) +
                   "': " + (config.flavor == Flavor::Azure ? "azure" : "openai") + " at " + config.baseUrl +
                   (apiKey.empty() ? ", no key" : ", with a key"));
    }
    return std::make_unique<OpenAiProvider>(ProviderContext{
        std::string(providerName), UpstreamTarget(config, std::move(apiKey)), config.streamUsage});
  }

private:
  // A key that cannot be resolved is a configuration error: the provider cannot work.
  std::string resolveKey(const std::string& reference) const {
    std::string key;
    try {
      key = host().resolveSecret(reference);
    } catch (const sdk::Error& error) {
      throw sdk::Error(GH_ERROR_CONFIG, std::string("openai provider config: api_key: ") + error.what());
    }
    if (key.empty()) {
      throw sdk::Error(GH_ERROR_CONFIG, "openai provider config: api_key: " + reference + " is empty");
    }
    return key;
  }
};

} // namespace gatehouse::plugins::openai

GATEHOUSE_PROVIDER_PLUGIN(gatehouse::plugins::openai::OpenAiPlugin, "openai", "0.1.0")
