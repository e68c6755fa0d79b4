#include <gatehouse/admin/usage_report.hpp>

#include <charconv>

#include "resource_json.hpp"

namespace gatehouse::admin {
namespace {

constexpr std::int64_t kMicrosPerDollar = 1'000'000;

void writeCount(json::Writer& writer, const char* name, std::int64_t value) {
  writer.Key(name);
  writer.Int64(value);
}

void writeGroupKey(json::Writer& writer, store::UsageGroupBy groupBy, const std::string& key) {
  writer.Key("key");
  if (groupBy == store::UsageGroupBy::Hour) {
    // The store names an hour by its start in milliseconds; the API speaks unix seconds.
    std::int64_t startMs = 0;
    const auto [end, problem] = std::from_chars(key.data(), key.data() + key.size(), startMs);
    if (problem == std::errc() && end == key.data() + key.size()) {
      writer.Int64(startMs / 1000);
      return;
    }
  }
  json::writeNullableString(writer, key);
}

void writeAggregate(json::Writer& writer, store::UsageGroupBy groupBy, const store::UsageAggregate& row) {
  writer.StartObject();
  if (groupBy == store::UsageGroupBy::None) {
    writer.Key("key");
    writer.Null();
  } else {
    writeGroupKey(writer, groupBy, row.key);
  }
  writeCount(writer, "requests", row.requests);
  writeCount(writer, "error_requests", row.errorRequests);
  writeCount(writer, "prompt_tokens", row.promptTokens);
  writeCount(writer, "completion_tokens", row.completionTokens);
  writeCount(writer, "cached_prompt_tokens", row.cachedPromptTokens);
  writeCount(writer, "reasoning_tokens", row.reasoningTokens);
  writeCount(writer, "images", row.images);
  writeCount(writer, "audio_ms", row.audioMilliseconds);
  writeCount(writer, "characters", row.characters);
  writer.Key("cost_usd");
  const std::string cost = microUsdDecimal(row.costMicroUsd);
  writer.RawValue(cost.data(), cost.size(), rapidjson::kNumberType);
  writeCount(writer, "unpriced_requests", row.unpricedRequests);
  writer.EndObject();
}

} // namespace

std::string microUsdDecimal(std::int64_t microUsd) {
  // Unsigned arithmetic: the magnitude of the most negative value does not fit an int64.
  const bool negative = microUsd < 0;
  const std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(microUsd) : static_cast<std::uint64_t>(microUsd);
  std::string text = negative ? "-" : "";
  text += std::to_string(magnitude / kMicrosPerDollar);
  std::string fraction = std::to_string(magnitude % kMicrosPerDollar);
  fraction.insert(0, 6 - fraction.size(), '0');
  while (!fraction.empty() && fraction.back() == '0')
    fraction.pop_back();
  if (!fraction.empty())
    text += "." + fraction;
  return text;
}

std::string usageReportJson(const UsageRequest& request, const std::vector<store::UsageAggregate>& rows) {
  rapidjson::StringBuffer buffer;
  json::Writer writer(buffer);
  writer.StartObject();
  writer.Key("object");
  writer.String("usage");
  writer.Key("from");
  writer.Int64(request.fromSeconds);
  writer.Key("to");
  writer.Int64(request.toSeconds);
  writer.Key("group_by");
  json::writeString(writer, usageGroupByName(request.groupBy));
  writer.Key("user_id");
  json::writeNullableString(writer, request.userId);
  writer.Key("team_id");
  json::writeNullableString(writer, request.teamId);
  writer.Key("key_id");
  json::writeNullableString(writer, request.keyId);
  writer.Key("data");
  writer.StartArray();
  for (const store::UsageAggregate& row : rows)
    writeAggregate(writer, request.groupBy, row);
  writer.EndArray();
  writer.EndObject();
  return json::finish(buffer);
}

} // namespace gatehouse::admin
