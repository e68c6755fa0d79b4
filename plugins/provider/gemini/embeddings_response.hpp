// batchEmbedContents answers ({"embeddings":[{"values":[...]}]}) back to OpenAI's embedding
// list, and the prompt-token estimate for them: Gemini reports no usage for embeddings, so
// the plugin counts ceil(code points / 4) per input, the usual rule of thumb for English
// text, so budgets and prices see a number in the right range.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "gemini_error.hpp"

namespace gatehouse::plugins::gemini {

using Embedding = std::vector<double>;

// Appends the vectors of one batchEmbedContents answer to `out`. Throws ClientError 502 when
// the body is not such an answer or holds another number of vectors than `expected`.
void readBatchEmbeddings(std::string_view body, std::size_t expected, std::vector<Embedding>& out,
                         const ErrorContext& errors);

// The OpenAI body: {"object":"list","data":[{"object":"embedding","index":i,"embedding":...}],
// "model", "usage":{"prompt_tokens","total_tokens"}}; with `base64` each embedding is the
// base64 of its little-endian float32 values, as OpenAI sends it.
std::string openAiEmbeddings(const std::vector<Embedding>& embeddings, bool base64, std::string_view model,
                             std::int64_t promptTokens);

// Sum over the inputs of ceil(Unicode code points / 4).
std::int64_t estimateEmbeddingTokens(const std::vector<std::string>& inputs);

} // namespace gatehouse::plugins::gemini
