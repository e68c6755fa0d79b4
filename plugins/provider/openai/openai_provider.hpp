// One configured openai provider (OpenAI, Azure OpenAI or any OpenAI-compatible server):
// sends each request to its endpoint and names the provider in every upstream failure.
#pragma once

#include <gatehouse/plugin.hpp>

#include "provider_context.hpp"

namespace gatehouse::plugins::openai {

class OpenAiProvider final : public sdk::ProviderInstance {
public:
  explicit OpenAiProvider(ProviderContext context) : context_(std::move(context)) {}

  void handle(sdk::Exchange& exchange) override;

private:
  void serve(sdk::Exchange& exchange) const;

  ProviderContext context_;
};

} // namespace gatehouse::plugins::openai
