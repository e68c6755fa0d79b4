// One configured anthropic provider: serves chat completions by translating them to the
// Anthropic Messages API and back, streams included, and lists the upstream's models
// (GH_ENDPOINT_MODELS). Other endpoints are GH_ERROR_UNSUPPORTED. Stateless per request, so
// handle() runs on many threads at once.
#pragma once

#include <gatehouse/plugin.hpp>

#include <string>

#include "anthropic_config.hpp"
#include "reply_context.hpp"
#include "request_translator.hpp"

namespace gatehouse::plugins::anthropic {

class AnthropicProvider final : public sdk::ProviderInstance {
public:
  // `apiKey` is the resolved configured secret, empty when the config has none (then every
  // request needs a pool credential); it never leaves this object except in x-api-key.
  AnthropicProvider(std::string providerName, AnthropicConfig config, std::string apiKey);

  void handle(sdk::Exchange& exchange) override;

private:
  // Pages of the model list fetched at most (1000 models each).
  static constexpr int kMaxModelPages = 20;

  // The key `exchange` sends: its pool credential, else the configured key. Throws
  // sdk::Error(GH_ERROR_UNAVAILABLE) when there is neither.
  std::string_view keyFor(const sdk::Exchange& exchange) const;
  void listModels(sdk::Exchange& exchange) const;
  ReplyContext replyContext(const sdk::Exchange& exchange, const TranslatedRequest& request,
                            std::string_view apiKey) const;
  // Answers a non-2xx upstream response with its OpenAI-shaped error, `apiKey` redacted.
  void relayError(sdk::Exchange& exchange, sdk::Upstream& upstream, std::string_view apiKey) const;
  void respondWhole(sdk::Exchange& exchange, sdk::Upstream& upstream, const ReplyContext& context) const;
  void relayStream(sdk::Exchange& exchange, sdk::Upstream& upstream, ReplyContext context) const;

  std::string providerName_;
  AnthropicConfig config_;
  std::string apiKey_;
};

} // namespace gatehouse::plugins::anthropic
