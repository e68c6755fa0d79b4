// How a RateLimitDecision reaches the client, in OpenAI's terms: the x-ratelimit-* headers
// on every response of a limited principal, admitted or refused, and the 429 for a refusal.
#pragma once

#include <gatehouse/gateway/rate_limiter.hpp>
#include <gatehouse/http/api_error.hpp>
#include <gatehouse/http/response_sink.hpp>

#include <cstdint>
#include <span>
#include <string_view>

namespace gatehouse::gateway {

// Sets x-ratelimit-{limit,remaining,reset}-requests when the principal has a requests limit
// and the -tokens trio when it has a tokens limit. Nothing for an unlimited principal.
// Call before the response starts (streams included). Formats on the stack.
void setRateLimitHeaders(http::ResponseSink& response, const RateLimitDecision& decision);

// 429 rate_limit_error, code "rate_limit_exceeded", naming the limit that refused, with
// retryAfterSeconds (so sendError adds Retry-After).
http::ApiError rateLimitError(const RateLimitDecision& decision);

// Whole seconds for Retry-After: rounded up, at least 1.
int retryAfterSeconds(std::int64_t milliseconds);

// A duration as OpenAI writes x-ratelimit-reset-*: "250ms", "1s", "1.5s", "1m0s",
// "2m3.25s". Writes into `buffer` (24 bytes are always enough) and returns the text.
std::string_view formatResetDuration(std::int64_t milliseconds, std::span<char> buffer);

} // namespace gatehouse::gateway
