// Validation of a POST /v1/images/generations body.
#pragma once

#include <gatehouse/gateway/model_request.hpp>

#include <string_view>

namespace gatehouse::gateway {

// A JSON object with "model" a non-empty string (the gateway routes on it, so unlike
// OpenAI it has no default) and "prompt" a non-empty string; "stream" (partial images),
// when present, a boolean or null.
ParsedModelRequest parseImageRequest(std::string_view body);

} // namespace gatehouse::gateway
