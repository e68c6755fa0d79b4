// Gemini's error answers ({"error": {"code", "message", "status", "details"}}) as OpenAI
// errors with a faithful status:
//   400 INVALID_ARGUMENT / FAILED_PRECONDITION / OUT_OF_RANGE -> 400 invalid_request_error
//   400 with an ErrorInfo reason API_KEY_INVALID           -> 401 authentication_error (the key is
//                                                             the gateway's, not the request's fault)
//   401 UNAUTHENTICATED -> 401, 403 PERMISSION_DENIED -> 403, 404 NOT_FOUND -> 404,
//   409 ABORTED -> 409, 429 RESOURCE_EXHAUSTED -> 429 rate_limit_error
//   500 INTERNAL and other 5xx -> 502, 503 UNAVAILABLE -> 503, 504 DEADLINE_EXCEEDED -> 504
// The message is the provider's name, then Gemini's message with any API key masked; code is
// Gemini's status in lower case ("resource_exhausted"), or "invalid_api_key".
#pragma once

#include <rapidjson/document.h>

#include <openai_error.hpp>
#include <string_view>

namespace gatehouse::plugins::gemini {

struct ErrorContext {
  std::string_view providerName; // the configured provider name, for the message prefix
  std::string_view apiKey;       // masked wherever it appears
};

// The OpenAI status for a Gemini HTTP status; when that is not an error status (an error
// event inside a 200 stream) the gRPC status name decides.
int openAiStatusFor(int geminiHttpStatus, std::string_view grpcStatus);

// For an upstream answer with a non-2xx status and `body` (JSON or not).
providers::OpenAiError translateGeminiError(int httpStatus, std::string_view body,
                                            const ErrorContext& context);

// For the object under "error" of an error body or stream event; `httpStatus` is the
// response's status (200 for an event inside a stream).
providers::OpenAiError translateGeminiErrorObject(int httpStatus, const rapidjson::Value& error,
                                                  const ErrorContext& context);

// Gemini refused the prompt itself (promptFeedback.blockReason, no candidates): a 400 with
// code "content_filter", as OpenAI-compatible services answer a filtered prompt.
providers::OpenAiError blockedPromptError(std::string_view blockReason, const ErrorContext& context);

// A 2xx answer that is not what the API documents (not JSON, no candidates): 502.
providers::OpenAiError malformedAnswerError(std::string_view what, const ErrorContext& context);

} // namespace gatehouse::plugins::gemini
