// GH_ENDPOINT_MODELS: the upstream's own model list (GET {base}/{version}/models, every
// page up to kMaxModelPages), answered as an OpenAI list.
#pragma once

#include <gatehouse/sdk/exchange.hpp>

#include "upstream_target.hpp"

namespace gatehouse::plugins::gemini {

inline constexpr int kMaxModelPages = 20;

// Throws ClientError for an upstream error (nothing has been sent then), and
// UpstreamTarget::keyFor's sdk::Error when the exchange has no key.
void serveModels(sdk::Exchange& exchange, const UpstreamTarget& target);

} // namespace gatehouse::plugins::gemini
