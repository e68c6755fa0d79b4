// How long an upstream's answer rests the pooled credential that received it: the policy
// behind CredentialPool::rest, kept apart so it reads (and is tested) in one place.
#pragma once

#include <cstdint>
#include <string_view>

namespace gatehouse::gateway {

// 429 without a usable hint.
inline constexpr std::int64_t kRateLimitedRestMs = 10'000;
// 401 and 403: a revoked or wrong key rarely comes back within a minute.
inline constexpr std::int64_t kRefusedRestMs = 60'000;
// Hints are held to this range: a 20 ms hint still moves traffic away for a moment, and a
// day-long one (a spent monthly quota) is re-tried every five minutes.
inline constexpr std::int64_t kMinRestMs = 1'000;
inline constexpr std::int64_t kMaxRestMs = 300'000;

// 0 (no rest) for any status but 429, 401 and 403. For 429 the upstream's hint decides:
// `retryAfterMs` (OpenAI's retry-after-ms, milliseconds) first, then `retryAfter`
// (delta-seconds or an HTTP-date, compared with `nowEpochMs`), else kRateLimitedRestMs;
// a hint is clamped to kMinRestMs..kMaxRestMs. Empty views mean the header was absent.
std::int64_t credentialRestMs(int httpStatus, std::string_view retryAfterMs, std::string_view retryAfter,
                              std::int64_t nowEpochMs);

} // namespace gatehouse::gateway
