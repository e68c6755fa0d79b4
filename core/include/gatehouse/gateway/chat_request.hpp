// Validation of a POST /v1/chat/completions body.
#pragma once

#include <gatehouse/gateway/model_request.hpp>

#include <string_view>

namespace gatehouse::gateway {

// A JSON object with "model" a non-empty string; "messages" a non-empty array of
// objects each with a string "role"; "stream", when present, a boolean or null.
ParsedModelRequest parseChatRequest(std::string_view body);

} // namespace gatehouse::gateway
