// Anthropic failures in OpenAI's terms. An HTTP error body
// {"type":"error","error":{"type":T,"message":M},"request_id":...} becomes
// {"error":{"message":"anthropic provider 'NAME': M","type":<OpenAI type for the status>,
//  "param":null,"code":T}} with a faithful status:
//   400 invalid_request_error -> 400    401 authentication_error -> 401
//   403 permission_error      -> 403    404 not_found_error      -> 404
//   413 request_too_large     -> 413    429 rate_limit_error     -> 429
//   500 api_error             -> 502    529 overloaded_error     -> 503 (retry later)
//   other 4xx keep their status; 503 -> 503, 504 -> 504, any other status -> 502.
// A body that is not JSON (a proxy's HTML page) is never quoted: the message only says
// which status came back. Keys (`apiKey`, the one the exchange sent, and key-like tokens)
// are redacted.
#pragma once

#include <gatehouse/sdk/error.hpp>

#include <openai_error.hpp>
#include <string_view>

#include "json_util.hpp"

namespace gatehouse::plugins::anthropic {

// The client's error for a non-2xx upstream response.
providers::OpenAiError translateHttpError(int upstreamStatus, std::string_view body,
                                          std::string_view providerName, std::string_view apiKey);

// The Error ending a stream for an "error" event's data (the same JSON as an HTTP error):
// GH_ERROR_UNAVAILABLE for overloaded_error (the client may retry), else GH_ERROR_UPSTREAM.
sdk::Error translateStreamError(const rapidjson::Value& event, std::string_view providerName,
                                std::string_view apiKey);

} // namespace gatehouse::plugins::anthropic
