#include "key_audit.hpp"

namespace gatehouse::admin {

void writeScopeItems(json::Writer& writer, const std::vector<std::string>& items) {
  writer.StartArray();
  for (const std::string& item : items)
    json::writeString(writer, item);
  writer.EndArray();
}

void writeLimitsDetail(json::Writer& writer, const store::ApiKeyLimits& limits) {
  writer.Key("limits");
  writer.StartObject();
  writer.Key("requests_per_minute");
  limits.requestsPerMinute ? writer.Int64(*limits.requestsPerMinute) : writer.Null();
  writer.Key("tokens_per_minute");
  limits.tokensPerMinute ? writer.Int64(*limits.tokensPerMinute) : writer.Null();
  writer.Key("monthly_budget_micro_usd");
  limits.monthlyBudgetMicroUsd ? writer.Int64(*limits.monthlyBudgetMicroUsd) : writer.Null();
  writer.EndObject();
}

std::string keyAuditDetail(const store::ApiKey& key) {
  rapidjson::StringBuffer buffer;
  json::Writer writer(buffer);
  writer.StartObject();
  writer.Key("name");
  json::writeString(writer, key.name);
  writer.Key("prefix");
  json::writeString(writer, key.prefix);
  writer.Key("owner_id");
  json::writeString(writer, key.ownerUserId);
  writer.Key("team_id");
  json::writeNullableString(writer, key.teamId);
  writer.Key("role");
  json::writeString(writer, json::roleName(key.role));
  writer.Key("scopes");
  writeScopeItems(writer, key.scopes);
  writeLimitsDetail(writer, key.limits);
  writer.Key("expires_at");
  json::writeNullableSeconds(writer, key.expiresAtMs);
  writer.Key("disabled");
  writer.Bool(key.disabled);
  writer.EndObject();
  return json::finish(buffer);
}
} // namespace gatehouse::admin
