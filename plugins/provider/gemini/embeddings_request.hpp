// POST /v1/embeddings for Gemini embedding models: the OpenAI request and the
// batchEmbedContents bodies it becomes (one EmbedContentRequest per input, in order).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::plugins::gemini {

// batchEmbedContents takes at most 100 requests; longer inputs go in several calls.
inline constexpr std::size_t kMaxEmbeddingBatch = 100;

struct EmbeddingsRequest {
  std::vector<std::string> inputs;
  std::optional<std::int64_t> dimensions; // -> outputDimensionality
  bool base64 = false;                    // encoding_format "base64"
};

// Reads the OpenAI body. Throws ClientError 400 naming the field: input missing, empty, or
// tokens (arrays of integers: Gemini embeds text only), dimensions not a positive integer,
// encoding_format other than "float" / "base64". "user" is ignored.
EmbeddingsRequest parseEmbeddingsRequest(std::string_view body);

// The batchEmbedContents body for inputs[begin, end):
//   {"requests":[{"model":"models/x","content":{"parts":[{"text":...}]},"outputDimensionality":N}]}
std::string batchEmbedBody(const EmbeddingsRequest& request, std::size_t begin, std::size_t end,
                           std::string_view modelResource);

} // namespace gatehouse::plugins::gemini
