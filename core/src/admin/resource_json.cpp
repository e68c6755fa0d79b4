#include "resource_json.hpp"

#include <gatehouse/admin/key_scopes.hpp>

namespace gatehouse::admin::json {
namespace {

void writeLimits(Writer& writer, const store::ApiKeyLimits& limits) {
  writer.StartObject();
  writer.Key("requests_per_minute");
  limits.requestsPerMinute ? writer.Int64(*limits.requestsPerMinute) : writer.Null();
  writer.Key("tokens_per_minute");
  limits.tokensPerMinute ? writer.Int64(*limits.tokensPerMinute) : writer.Null();
  writer.Key("monthly_budget_usd");
  limits.monthlyBudgetMicroUsd ? writer.Double(static_cast<double>(*limits.monthlyBudgetMicroUsd) / 1e6)
                               : writer.Null();
  writer.EndObject();
}

void writeStringArray(Writer& writer, const std::vector<std::string>& items) {
  writer.StartArray();
  for (const std::string& item : items)
    writeString(writer, item);
  writer.EndArray();
}

} // namespace

void writeString(Writer& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

void writeNullableString(Writer& writer, std::string_view text) {
  if (text.empty())
    writer.Null();
  else
    writeString(writer, text);
}

void writeNullableSeconds(Writer& writer, std::optional<std::int64_t> ms) {
  if (ms)
    writer.Int64(*ms / 1000);
  else
    writer.Null();
}

std::string_view roleName(store::Role role) {
  return role == store::Role::Admin ? "admin" : "member";
}

std::string_view roleName(gh_role role) {
  return role == GH_ROLE_ADMIN ? "admin" : "member";
}

std::string_view keyStatus(const store::ApiKey& key, std::int64_t nowMs) {
  if (key.revokedAtMs)
    return "revoked";
  if (key.expiresAtMs && nowMs >= *key.expiresAtMs)
    return "expired";
  if (key.disabled)
    return "disabled";
  return "active";
}

void writeKeyFields(Writer& writer, const store::ApiKey& key, std::int64_t nowMs) {
  const KeyScopes scopes = scopesFromItems(key.scopes);
  writer.Key("object");
  writer.String("api_key");
  writer.Key("id");
  writeString(writer, key.id);
  writer.Key("name");
  writeString(writer, key.name);
  writer.Key("prefix");
  writeString(writer, key.prefix);
  writer.Key("owner_id");
  writeString(writer, key.ownerUserId);
  writer.Key("team_id");
  writeNullableString(writer, key.teamId);
  writer.Key("role");
  writeString(writer, roleName(key.role));
  writer.Key("scopes");
  writer.StartObject();
  writer.Key("models");
  writeStringArray(writer, scopes.models);
  writer.Key("endpoints");
  writeStringArray(writer, scopes.endpoints);
  writer.EndObject();
  writer.Key("limits");
  writeLimits(writer, key.limits);
  writer.Key("status");
  writeString(writer, keyStatus(key, nowMs));
  writer.Key("disabled");
  writer.Bool(key.disabled);
  writer.Key("expires_at");
  writeNullableSeconds(writer, key.expiresAtMs);
  writer.Key("revoked_at");
  writeNullableSeconds(writer, key.revokedAtMs);
  writer.Key("created_at");
  writer.Int64(key.createdAtMs / 1000);
  writer.Key("updated_at");
  writer.Int64(key.updatedAtMs / 1000);
}

void writeUserFields(Writer& writer, const store::User& user) {
  writer.Key("object");
  writer.String("user");
  writer.Key("id");
  writeString(writer, user.id);
  writer.Key("email");
  writeNullableString(writer, user.email);
  writer.Key("name");
  writeNullableString(writer, user.displayName);
  writer.Key("role");
  writeString(writer, roleName(user.role));
  writer.Key("disabled");
  writer.Bool(user.disabled);
  // "<issuer>|<subject>" for people who sign in through an identity provider; null for
  // users made through this API or the CLI.
  writer.Key("external_subject");
  writeNullableString(writer, user.externalSubject);
  writer.Key("created_at");
  writer.Int64(user.createdAtMs / 1000);
  writer.Key("updated_at");
  writer.Int64(user.updatedAtMs / 1000);
}

void writeTeamFields(Writer& writer, const store::Team& team) {
  writer.Key("object");
  writer.String("team");
  writer.Key("id");
  writeString(writer, team.id);
  writer.Key("name");
  writeString(writer, team.name);
  writer.Key("monthly_budget_usd");
  team.monthlyBudgetMicroUsd ? writer.Double(static_cast<double>(*team.monthlyBudgetMicroUsd) / 1e6)
                             : writer.Null();
  writer.Key("created_at");
  writer.Int64(team.createdAtMs / 1000);
}

void writeMemberFields(Writer& writer, const store::TeamMember& member, const store::User* user) {
  writer.Key("object");
  writer.String("team.member");
  writer.Key("team_id");
  writeString(writer, member.teamId);
  writer.Key("user_id");
  writeString(writer, member.userId);
  writer.Key("role");
  writeString(writer, roleName(member.role));
  writer.Key("added_at");
  writer.Int64(member.addedAtMs / 1000);
  if (user != nullptr) {
    writer.Key("email");
    writeNullableString(writer, user->email);
    writer.Key("name");
    writeNullableString(writer, user->displayName);
  }
}

std::string keyJson(const store::ApiKey& key, std::int64_t nowMs) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.StartObject();
  writeKeyFields(writer, key, nowMs);
  writer.EndObject();
  return finish(buffer);
}

std::string userJson(const store::User& user,
                     const std::vector<std::pair<store::TeamMember, store::Team>>& teams) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.StartObject();
  writeUserFields(writer, user);
  writer.Key("teams");
  writer.StartArray();
  for (const auto& [membership, team] : teams) {
    writer.StartObject();
    writer.Key("id");
    writeString(writer, team.id);
    writer.Key("name");
    writeString(writer, team.name);
    writer.Key("role");
    writeString(writer, roleName(membership.role));
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  return finish(buffer);
}

std::string listJson(const std::vector<std::string>& items, const std::string& firstId,
                     const std::string& lastId, bool hasMore) {
  rapidjson::StringBuffer buffer;
  Writer writer(buffer);
  writer.StartObject();
  writer.Key("object");
  writer.String("list");
  writer.Key("data");
  writer.StartArray();
  for (const std::string& item : items)
    writer.RawValue(item.data(), item.size(), rapidjson::kObjectType);
  writer.EndArray();
  writer.Key("first_id");
  writeNullableString(writer, firstId);
  writer.Key("last_id");
  writeNullableString(writer, lastId);
  writer.Key("has_more");
  writer.Bool(hasMore);
  writer.EndObject();
  return finish(buffer);
}

std::string finish(const rapidjson::StringBuffer& buffer) {
  return std::string(buffer.GetString(), buffer.GetSize());
}

} // namespace gatehouse::admin::json
