// The query of GET /admin/usage, read and validated before anyone's permissions are
// looked at: unknown or repeated parameters, malformed times, an empty or too long range
// and unknown groupings are 400s naming the parameter.
//
//   ?from=<unix s>&to=<unix s>&group_by=none|user|team|app|model|key|hour
//    &user_id=<id>&team_id=<id>&key_id=<id>
//
// Defaults: `to` is now, `from` the start of the UTC calendar month `to` falls in (so with
// neither given: this month so far), `group_by` none, no filters.
#pragma once

#include <gatehouse/http/api_error.hpp>
#include <gatehouse/store/usage_summary.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace gatehouse::admin {

inline constexpr std::int64_t kMaxUsageRangeDays = 400;
// The last second of year 9999: later times are typos, and this keeps seconds * 1000 far
// from overflowing.
inline constexpr std::int64_t kMaxUsageTimeSeconds = 253'402'300'799;
inline constexpr std::size_t kMaxUsageFilterLength = 200;

struct UsageRequest {
  std::int64_t fromSeconds = 0; // inclusive
  std::int64_t toSeconds = 0;   // exclusive; fromSeconds < toSeconds
  store::UsageGroupBy groupBy = store::UsageGroupBy::None;
  std::string userId; // empty: not given
  std::string teamId;
  std::string keyId;

  bool hasFilter() const { return !userId.empty() || !teamId.empty() || !keyId.empty(); }
  store::UsageQuery query() const;
};

// `rawQuery` is the request's query string without '?'; `nowMs` is what "now" means for
// the defaults.
std::variant<UsageRequest, http::ApiError> parseUsageRequest(std::string_view rawQuery, std::int64_t nowMs);

// The start of the UTC calendar month that `ms` lies in, in unix milliseconds.
std::int64_t monthStartMs(std::int64_t ms);

// "none", "user", "team", "app", "model", "key", "hour".
std::string_view usageGroupByName(store::UsageGroupBy groupBy);
std::optional<store::UsageGroupBy> usageGroupByFromName(std::string_view name);

} // namespace gatehouse::admin
