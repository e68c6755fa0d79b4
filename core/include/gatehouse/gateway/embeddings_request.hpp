// Validation of a POST /v1/embeddings body.
#pragma once

#include <gatehouse/gateway/model_request.hpp>

#include <string_view>

namespace gatehouse::gateway {

// A JSON object with "model" a non-empty string and "input" one of OpenAI's four forms,
// never empty: a string, an array of strings, an array of token ids (non-negative
// integers) or an array of non-empty token id arrays. Every item of an array has the
// kind of the first one. Never a stream.
ParsedModelRequest parseEmbeddingsRequest(std::string_view body);

} // namespace gatehouse::gateway
