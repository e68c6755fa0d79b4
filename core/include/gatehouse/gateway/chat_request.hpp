// Validation of a POST /v1/chat/completions body: the few fields the gateway itself
// needs (to route and to frame the answer). The provider plugin reads the rest from
// the unchanged body.
#pragma once

#include <gatehouse/http/api_error.hpp>

#include <string>
#include <string_view>
#include <variant>

namespace gatehouse::gateway {

struct ChatRequest {
  std::string model;
  bool stream = false;
};

// Parses `body` once (RapidJSON, iterative, UTF-8 validated, pooled allocators on the
// stack) and checks: a JSON object; "model" a non-empty string; "messages" a non-empty
// array of objects each with a string "role"; "stream", when present, a boolean or
// null. Any problem is a precise 400 naming the parameter.
std::variant<ChatRequest, http::ApiError> parseChatRequest(std::string_view body);

} // namespace gatehouse::gateway
