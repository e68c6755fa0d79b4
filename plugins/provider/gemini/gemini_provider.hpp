// One configured gemini provider: serves chat completions, embeddings and the upstream
// model list; any other endpoint is GH_ERROR_UNSUPPORTED.
#pragma once

#include <gatehouse/plugin.hpp>

#include "chat_service.hpp"
#include "tool_call_ids.hpp"
#include "upstream_target.hpp"

namespace gatehouse::plugins::gemini {

class GeminiProvider final : public sdk::ProviderInstance {
public:
  GeminiProvider(UpstreamTarget target, ChatSettings settings)
      : target_(std::move(target)), settings_(std::move(settings)) {}

  // ClientErrors (bad requests, upstream errors) are answered here in OpenAI's error shape
  // with their exact status; other failures go to the host as sdk::Error.
  void handle(sdk::Exchange& exchange) override;

private:
  void serve(sdk::Exchange& exchange);

  UpstreamTarget target_;
  ChatSettings settings_;
  RandomToolCallIds ids_;
};

} // namespace gatehouse::plugins::gemini
