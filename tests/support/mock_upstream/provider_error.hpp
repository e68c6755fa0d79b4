// Error bodies in each provider's real shape.
#pragma once

#include <string>
#include <string_view>

#include "provider.hpp"

namespace gatehouse::mock {

struct ProviderError {
  int status = 500;
  // OpenAI "type", Anthropic error.type, Gemini "status" (e.g. RESOURCE_EXHAUSTED),
  // Azure "code".
  std::string type;
  std::string message;
  std::string code;        // OpenAI "code"; empty writes null
  std::string param;       // OpenAI "param"; empty writes null
  std::string detailsJson; // Gemini "details" array, raw JSON; empty leaves it out
};

// What the provider answers for `status`. `typeOverride` (from `fail:<status>:<type>`)
// replaces the usual type (and, for OpenAI, the code).
ProviderError defaultError(Provider provider, int status, std::string_view typeOverride);

// The whole response body, e.g. {"type":"error","error":{...},"request_id":"req_..."}.
std::string errorBody(Provider provider, const ProviderError& error);

// The data of an error event sent in the middle of an SSE stream.
std::string streamErrorPayload(Provider provider, std::string_view typeOverride);

} // namespace gatehouse::mock
