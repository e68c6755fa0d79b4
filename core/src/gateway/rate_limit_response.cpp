#include <gatehouse/gateway/rate_limit_response.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <string>

namespace gatehouse::gateway {
namespace {

// Appends `value` at `at`, returning the new end. The caller sized the buffer.
char* appendNumber(char* at, char* end, std::int64_t value) {
  return std::to_chars(at, end, value).ptr;
}

char* appendText(char* at, std::string_view text) {
  return std::copy(text.begin(), text.end(), at);
}

std::string_view numberText(std::int64_t value, std::span<char> buffer) {
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value);
  return {buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data())};
}

void setTrio(http::ResponseSink& response, std::string_view limitName, std::string_view remainingName,
             std::string_view resetName, std::int64_t limit, std::int64_t remaining, std::int64_t resetMs) {
  std::array<char, 24> buffer{};
  response.setHeader(limitName, numberText(limit, buffer));
  response.setHeader(remainingName, numberText(remaining, buffer));
  response.setHeader(resetName, formatResetDuration(resetMs, buffer));
}

} // namespace

std::string_view formatResetDuration(std::int64_t milliseconds, std::span<char> buffer) {
  char* const begin = buffer.data();
  char* const end = begin + buffer.size();
  char* at = begin;
  milliseconds = std::max<std::int64_t>(0, milliseconds);
  if (milliseconds < 1000 && milliseconds > 0) {
    at = appendNumber(at, end, milliseconds);
    at = appendText(at, "ms");
    return {begin, static_cast<std::size_t>(at - begin)};
  }
  const std::int64_t minutes = milliseconds / 60'000;
  const std::int64_t seconds = milliseconds % 60'000 / 1000;
  const std::int64_t millis = milliseconds % 1000;
  if (minutes > 0) {
    at = appendNumber(at, end, minutes);
    at = appendText(at, "m");
  }
  at = appendNumber(at, end, seconds);
  if (millis > 0) {
    // Three digits with the trailing zeros dropped: 500 -> ".5", 250 -> ".25", 7 -> ".007".
    char digits[3] = {static_cast<char>('0' + millis / 100), static_cast<char>('0' + millis / 10 % 10),
                      static_cast<char>('0' + millis % 10)};
    std::size_t count = 3;
    while (digits[count - 1] == '0')
      --count;
    at = appendText(at, ".");
    at = appendText(at, std::string_view(digits, count));
  }
  at = appendText(at, "s");
  return {begin, static_cast<std::size_t>(at - begin)};
}

int retryAfterSeconds(std::int64_t milliseconds) {
  const std::int64_t seconds = (std::max<std::int64_t>(0, milliseconds) + 999) / 1000;
  return static_cast<int>(std::clamp<std::int64_t>(seconds, 1, 86'400));
}

void setRateLimitHeaders(http::ResponseSink& response, const RateLimitDecision& decision) {
  if (!decision.limited)
    return;
  if (decision.requestLimit > 0) {
    setTrio(response, "x-ratelimit-limit-requests", "x-ratelimit-remaining-requests",
            "x-ratelimit-reset-requests", decision.requestLimit, decision.requestsRemaining,
            decision.requestsResetMs);
  }
  if (decision.tokenLimit > 0) {
    setTrio(response, "x-ratelimit-limit-tokens", "x-ratelimit-remaining-tokens", "x-ratelimit-reset-tokens",
            decision.tokenLimit, decision.tokensRemaining, decision.tokensResetMs);
  }
}

http::ApiError rateLimitError(const RateLimitDecision& decision) {
  const int retryAfter = retryAfterSeconds(decision.retryAfterMs);
  const bool tokens = decision.refusedBy == RateLimitKind::Tokens;
  std::string message =
      tokens ? "Rate limit reached for tokens per minute (limit " + std::to_string(decision.tokenLimit) + ")."
             : "Rate limit reached for requests per minute (limit " + std::to_string(decision.requestLimit) +
                   ").";
  message +=
      " Please retry after " + std::to_string(retryAfter) + (retryAfter == 1 ? " second." : " seconds.");
  return http::ApiError{429, http::ErrorType::RateLimit, std::move(message),
                        {},  "rate_limit_exceeded",      retryAfter};
}

} // namespace gatehouse::gateway
