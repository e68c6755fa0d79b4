// The steps every endpoint shares: build a request with the provider's headers and the
// exchange's key, send it, answer the client when the upstream answered with an error,
// read a JSON answer.
#pragma once

#include <gatehouse/plugin.hpp>

#include <rapidjson/document.h>

#include <string>
#include <string_view>

#include "provider_context.hpp"

namespace gatehouse::plugins::openai {

// The key `exchange` sends, and so the one to redact from what the upstream answers it:
// the credential the host chose from the provider's pool, else the configured key.
inline std::string_view exchangeKey(const ProviderContext& context, const sdk::Exchange& exchange) {
  return context.target.keyFor(exchange.credential());
}

// POST `url` with `body` and the given Content-Type, plus the provider's headers and the
// exchange's key.
sdk::UpstreamRequest postRequest(const ProviderContext& context, const sdk::Exchange& exchange,
                                 std::string url, std::string contentType, std::string body);

// When the upstream answered with anything but 2xx: reads its body, answers the client
// with the mapped OpenAI error (see upstream_error.hpp) and returns true.
bool answeredWithError(const ProviderContext& context, sdk::Exchange& exchange, sdk::Upstream& upstream);

// The whole 2xx answer parsed as JSON; throws sdk::Error(GH_ERROR_UPSTREAM) naming the
// provider when it is not JSON. `body` receives the text, to be forwarded unchanged.
rapidjson::Document readJsonAnswer(const ProviderContext& context, const sdk::Exchange& exchange,
                                   sdk::Upstream& upstream, std::string& body);

// True when a Content-Type value names `mediaType` (parameters and case ignored).
bool hasMediaType(std::string_view contentType, std::string_view mediaType);

} // namespace gatehouse::plugins::openai
