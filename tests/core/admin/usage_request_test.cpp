// The usage query and report on their own: defaults, calendar months, names of groupings
// and the decimal form of costs. (Permissions and the store are in usage_api_test.cpp.)
#include <gatehouse/admin/usage_report.hpp>
#include <gatehouse/admin/usage_request.hpp>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <limits>

namespace gatehouse::admin {
namespace {

constexpr std::int64_t kMarch2025 = 1'740'787'200;    // 2025-03-01T00:00:00Z, unix seconds
constexpr std::int64_t kFebruary2025 = 1'738'368'000; // 2025-02-01T00:00:00Z
constexpr std::int64_t kDay = 86'400;

UsageRequest parse(const std::string& query, std::int64_t nowMs) {
  auto parsed = parseUsageRequest(query, nowMs);
  if (const auto* error = std::get_if<http::ApiError>(&parsed)) {
    ADD_FAILURE() << query << ": " << error->message;
    return {};
  }
  return std::get<UsageRequest>(parsed);
}

http::ApiError refused(const std::string& query) {
  auto parsed = parseUsageRequest(query, (kMarch2025 + 10 * kDay) * 1000);
  if (!std::holds_alternative<http::ApiError>(parsed)) {
    ADD_FAILURE() << query << " was accepted";
    return {};
  }
  return std::get<http::ApiError>(parsed);
}

TEST(MonthStart, IsTheFirstOfTheUtcMonth) {
  EXPECT_EQ(monthStartMs((kMarch2025 + 19 * kDay + 45'296) * 1000 + 789), kMarch2025 * 1000);
  EXPECT_EQ(monthStartMs(kMarch2025 * 1000), kMarch2025 * 1000);
  EXPECT_EQ(monthStartMs(kMarch2025 * 1000 - 1), kFebruary2025 * 1000);
  EXPECT_EQ(monthStartMs(1'709'164'800'000), 1'706'745'600'000); // 2024-02-29 -> 2024-02-01
  EXPECT_EQ(monthStartMs(1'735'689'599'999), 1'733'011'200'000); // 2024-12-31T23:59:59.999 -> 2024-12-01
  EXPECT_EQ(monthStartMs(0), 0);
}

TEST(UsageRequest, DefaultsToThisMonthSoFarUngrouped) {
  const std::int64_t nowMs = (kMarch2025 + 19 * kDay + 45'296) * 1000 + 789;
  const UsageRequest request = parse("", nowMs);
  EXPECT_EQ(request.fromSeconds, kMarch2025);
  EXPECT_EQ(request.toSeconds, kMarch2025 + 19 * kDay + 45'296);
  EXPECT_EQ(request.groupBy, store::UsageGroupBy::None);
  EXPECT_FALSE(request.hasFilter());

  const store::UsageQuery query = request.query();
  EXPECT_EQ(query.fromMs, kMarch2025 * 1000);
  EXPECT_EQ(query.toMs, (kMarch2025 + 19 * kDay + 45'296) * 1000);
  EXPECT_EQ(query.groupBy, store::UsageGroupBy::None);
  EXPECT_TRUE(query.userId.empty() && query.teamId.empty() && query.keyId.empty());
}

TEST(UsageRequest, DefaultFromIsTheMonthBeforeTo) {
  const std::int64_t nowMs = (kMarch2025 + 20 * kDay) * 1000;
  EXPECT_EQ(parse("to=" + std::to_string(kMarch2025 + 5 * kDay), nowMs).fromSeconds, kMarch2025);
  // `to` on a month boundary reports the month that just ended.
  EXPECT_EQ(parse("to=" + std::to_string(kMarch2025), nowMs).fromSeconds, kFebruary2025);
  // An explicit from with the default to.
  const UsageRequest request = parse("from=" + std::to_string(kFebruary2025), nowMs);
  EXPECT_EQ(request.fromSeconds, kFebruary2025);
  EXPECT_EQ(request.toSeconds, kMarch2025 + 20 * kDay);
}

TEST(UsageRequest, ReadsEveryParameter) {
  const UsageRequest request = parse("from=100&to=200&group_by=model&user_id=u-1&team_id=t-1&key_id=k-1", 0);
  EXPECT_EQ(request.fromSeconds, 100);
  EXPECT_EQ(request.toSeconds, 200);
  EXPECT_EQ(request.groupBy, store::UsageGroupBy::Model);
  EXPECT_EQ(request.userId, "u-1");
  EXPECT_EQ(request.teamId, "t-1");
  EXPECT_EQ(request.keyId, "k-1");
  EXPECT_TRUE(request.hasFilter());
  const store::UsageQuery query = request.query();
  EXPECT_EQ(query.fromMs, 100'000);
  EXPECT_EQ(query.toMs, 200'000);
  EXPECT_EQ(query.userId, "u-1");
  EXPECT_EQ(query.teamId, "t-1");
  EXPECT_EQ(query.keyId, "k-1");
}

TEST(UsageRequest, RangeMayBeAtMost400Days) {
  const std::int64_t to = kMarch2025;
  EXPECT_EQ(parse("from=" + std::to_string(to - 400 * kDay) + "&to=" + std::to_string(to), 0).fromSeconds,
            to - 400 * kDay);
  const http::ApiError tooLong =
      refused("from=" + std::to_string(to - 400 * kDay - 1) + "&to=" + std::to_string(to));
  EXPECT_EQ(tooLong.status, 400);
  EXPECT_EQ(tooLong.param, "from");
  EXPECT_EQ(tooLong.code, "invalid_value");
}

TEST(UsageRequest, RefusesBadTimesNamingTheParameter) {
  for (const std::string bad : {"abc", "-1", "1.5", "", "1e9", "253402300800", "99999999999999999999"}) {
    EXPECT_EQ(refused("from=" + bad + "&to=200").param, "from") << bad;
    EXPECT_EQ(refused("to=" + bad).param, "to") << bad;
  }
  EXPECT_EQ(refused("from=200&to=200").param, "from");
  EXPECT_EQ(refused("from=300&to=200").message, "'from' must be before 'to'.");
  // Only `to` given, and before the month it falls in could start: blame `to`.
  EXPECT_EQ(refused("to=0").param, "to");
}

TEST(UsageRequest, RefusesUnknownRepeatedAndMalformedParameters) {
  const http::ApiError unknown = refused("from=1&limit=5");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.code, "unknown_parameter");
  EXPECT_EQ(unknown.param, "limit");
  EXPECT_EQ(unknown.type, http::ErrorType::InvalidRequest);
  EXPECT_EQ(refused("%FFx%01=1").param, "?x?"); // masked: the error stays printable
  const http::ApiError repeated = refused("group_by=user&group_by=team");
  EXPECT_EQ(repeated.param, "group_by");
  EXPECT_EQ(repeated.code, "invalid_value");
  EXPECT_EQ(refused("user_id=%zz").code, "invalid_query");
}

TEST(UsageRequest, RefusesUnknownGroupingsAndBadIds) {
  EXPECT_EQ(refused("group_by=day").param, "group_by");
  EXPECT_EQ(refused("group_by=").param, "group_by");
  EXPECT_EQ(refused("group_by=USER").param, "group_by");
  for (const std::string name : {"user_id", "team_id", "key_id"}) {
    EXPECT_EQ(refused(name + "=").param, name);
    EXPECT_EQ(refused(name + "=a%20b").param, name);
    EXPECT_EQ(refused(name + "=%C3%A9").param, name);
    EXPECT_EQ(refused(name + "=" + std::string(kMaxUsageFilterLength + 1, 'a')).param, name);
    EXPECT_EQ(parse(name + "=" + std::string(kMaxUsageFilterLength, 'a'), kMarch2025 * 1000).hasFilter(),
              true);
  }
}

TEST(UsageGroupByNames, RoundTrip) {
  for (const auto groupBy : {store::UsageGroupBy::None, store::UsageGroupBy::User, store::UsageGroupBy::Team,
                             store::UsageGroupBy::App, store::UsageGroupBy::Model, store::UsageGroupBy::Key,
                             store::UsageGroupBy::Hour})
    EXPECT_EQ(usageGroupByFromName(usageGroupByName(groupBy)), groupBy);
  EXPECT_EQ(usageGroupByName(store::UsageGroupBy::Hour), "hour");
  EXPECT_FALSE(usageGroupByFromName("users"));
}

TEST(MicroUsdDecimal, IsExactWithoutTrailingZeros) {
  EXPECT_EQ(microUsdDecimal(0), "0");
  EXPECT_EQ(microUsdDecimal(7), "0.000007");
  EXPECT_EQ(microUsdDecimal(21'500), "0.0215");
  EXPECT_EQ(microUsdDecimal(3'000'000), "3");
  EXPECT_EQ(microUsdDecimal(2'023'000), "2.023");
  EXPECT_EQ(microUsdDecimal(1'234'567'891), "1234.567891");
  EXPECT_EQ(microUsdDecimal(-1'500), "-0.0015");
  EXPECT_EQ(microUsdDecimal(std::numeric_limits<std::int64_t>::max()), "9223372036854.775807");
  EXPECT_EQ(microUsdDecimal(std::numeric_limits<std::int64_t>::min()), "-9223372036854.775808");
}

TEST(UsageReport, WritesRangeFiltersAndOneEntryPerGroup) {
  UsageRequest request;
  request.fromSeconds = kMarch2025;
  request.toSeconds = kMarch2025 + kDay;
  request.groupBy = store::UsageGroupBy::Hour;
  request.userId = "u-1";
  store::UsageAggregate row;
  row.key = std::to_string((kMarch2025 + 3600) * 1000);
  row.requests = 3;
  row.errorRequests = 1;
  row.unpricedRequests = 1;
  row.promptTokens = 10;
  row.completionTokens = 20;
  row.cachedPromptTokens = 4;
  row.reasoningTokens = 5;
  row.images = 6;
  row.audioMilliseconds = 7;
  row.characters = 8;
  row.costMicroUsd = 1'500;
  row.durationMs = 99;
  const std::string body = usageReportJson(request, {row});

  rapidjson::Document json;
  json.Parse(body.c_str());
  ASSERT_TRUE(json.IsObject()) << body;
  EXPECT_STREQ(json["object"].GetString(), "usage");
  EXPECT_EQ(json["from"].GetInt64(), kMarch2025);
  EXPECT_EQ(json["to"].GetInt64(), kMarch2025 + kDay);
  EXPECT_STREQ(json["group_by"].GetString(), "hour");
  EXPECT_STREQ(json["user_id"].GetString(), "u-1");
  EXPECT_TRUE(json["team_id"].IsNull());
  EXPECT_TRUE(json["key_id"].IsNull());
  ASSERT_EQ(json["data"].Size(), 1u);
  const auto& entry = json["data"][0];
  EXPECT_EQ(entry["key"].GetInt64(), kMarch2025 + 3600); // unix seconds, a number
  EXPECT_EQ(entry["requests"].GetInt64(), 3);
  EXPECT_EQ(entry["error_requests"].GetInt64(), 1);
  EXPECT_EQ(entry["prompt_tokens"].GetInt64(), 10);
  EXPECT_EQ(entry["completion_tokens"].GetInt64(), 20);
  EXPECT_EQ(entry["cached_prompt_tokens"].GetInt64(), 4);
  EXPECT_EQ(entry["reasoning_tokens"].GetInt64(), 5);
  EXPECT_EQ(entry["images"].GetInt64(), 6);
  EXPECT_EQ(entry["audio_ms"].GetInt64(), 7);
  EXPECT_EQ(entry["characters"].GetInt64(), 8);
  EXPECT_EQ(entry["unpriced_requests"].GetInt64(), 1);
  EXPECT_FALSE(entry.HasMember("duration_ms"));
  EXPECT_NE(body.find(R"("cost_usd":0.0015,)"), std::string::npos) << body;
}

TEST(UsageReport, KeysAreNullWithoutAGroupAndForUsageRecordedWithoutOne) {
  UsageRequest request;
  request.fromSeconds = 0;
  request.toSeconds = 1;
  store::UsageAggregate row;
  row.requests = 1;
  rapidjson::Document json;
  json.Parse(usageReportJson(request, {row}).c_str());
  EXPECT_TRUE(json["data"][0]["key"].IsNull());
  EXPECT_STREQ(json["group_by"].GetString(), "none");

  request.groupBy = store::UsageGroupBy::App;
  store::UsageAggregate named = row;
  named.key = "notebook";
  json.Parse(usageReportJson(request, {row, named}).c_str());
  EXPECT_TRUE(json["data"][0]["key"].IsNull()); // a key without an app name
  EXPECT_STREQ(json["data"][1]["key"].GetString(), "notebook");

  json.Parse(usageReportJson(request, {}).c_str());
  EXPECT_EQ(json["data"].Size(), 0u);
}

} // namespace
} // namespace gatehouse::admin
