// POST /v1/embeddings against batchEmbedContents, at most kMaxEmbeddingBatch inputs per
// upstream call, vectors returned in input order.
#pragma once

#include <gatehouse/sdk/exchange.hpp>

#include "upstream_target.hpp"

namespace gatehouse::plugins::gemini {

// Answers the client and reports the estimated prompt tokens. Throws ClientError for a bad
// request or an upstream error (nothing has been sent then), and UpstreamTarget::keyFor's
// sdk::Error when the exchange has no key.
void serveEmbeddings(sdk::Exchange& exchange, const UpstreamTarget& target);

} // namespace gatehouse::plugins::gemini
