// The body GET /admin/usage answers with: the range, the grouping, the filters that were
// applied (a member's default shows up as their own user_id), and one entry per group.
//
//   {"object":"usage","from":1764547200,"to":1764633600,"group_by":"model",
//    "user_id":"4b2e...","team_id":null,"key_id":null,
//    "data":[{"key":"gpt-4o","requests":12,"error_requests":1,"prompt_tokens":3400,
//             "completion_tokens":800,"cached_prompt_tokens":0,"reasoning_tokens":0,"images":0,
//             "audio_ms":0,"characters":0,"cost_usd":0.0215,"unpriced_requests":0}]}
//
// `key` is the group's id or name as text (null for group_by none, and for usage recorded
// without one, e.g. an app-less key), and for group_by hour the hour's start in unix
// seconds as a number. `cost_usd` is the exact decimal of the stored micro-dollars.
#pragma once

#include <gatehouse/admin/usage_request.hpp>
#include <gatehouse/store/usage_summary.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace gatehouse::admin {

// `rows` as UsageRepository::summarize returns them for `request.query()`.
std::string usageReportJson(const UsageRequest& request, const std::vector<store::UsageAggregate>& rows);

// Millionths of a dollar as a JSON decimal number, exactly and without trailing zeros:
// 21500 -> "0.0215", 7 -> "0.000007", 3000000 -> "3", 0 -> "0".
std::string microUsdDecimal(std::int64_t microUsd);

} // namespace gatehouse::admin
