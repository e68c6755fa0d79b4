// The HTTP requests to Anthropic. Every one carries x-api-key (`apiKey`: the exchange's
// pool credential or the configured key), anthropic-version, anthropic-beta (when
// configured) and the configured extra headers.
#pragma once

#include <gatehouse/sdk/upstream.hpp>

#include <string>
#include <string_view>

#include "anthropic_config.hpp"

namespace gatehouse::plugins::anthropic {

// POST {base_url}/v1/messages with a JSON body.
sdk::UpstreamRequest messagesRequest(const AnthropicConfig& config, std::string_view apiKey,
                                     std::string body);

// GET {base_url}/v1/models?limit=1000[&after_id=...]: one page of the model list.
sdk::UpstreamRequest modelsRequest(const AnthropicConfig& config, std::string_view apiKey,
                                   std::string_view afterId = {});

} // namespace gatehouse::plugins::anthropic
