#include <gatehouse/admin/key_request.hpp>

#include <algorithm>
#include <cmath>

#include "json_fields.hpp"

namespace gatehouse::admin {
namespace {

using json::ObjectReader;
using json::Value;

// The latest expiry accepted: the end of year 9999, the last a date picker shows.
constexpr std::int64_t kLatestExpirySeconds = 253402300799;

std::optional<store::Role> readRole(ObjectReader& reader) {
  const std::optional<std::string> role = reader.text("role", 16);
  if (!role)
    return std::nullopt;
  if (*role == "admin")
    return store::Role::Admin;
  if (*role == "member")
    return store::Role::Member;
  reader.fail(json::invalidValue(reader.param("role"), "'role' must be \"admin\" or \"member\"."));
  return std::nullopt;
}

// One list of scopes.models or scopes.endpoints, each item checked.
std::optional<std::vector<std::string>> readScopeList(ObjectReader& reader, std::string_view name,
                                                      bool endpoints) {
  const Value* list = reader.array(name);
  if (list == nullptr)
    return std::nullopt;
  const std::string param = reader.param(name);
  if (list->Size() > kMaxScopeItems) {
    reader.fail(json::invalidValue(param, "'" + param + "' may hold at most " +
                                              std::to_string(kMaxScopeItems) + " items."));
    return std::nullopt;
  }
  std::vector<std::string> items;
  for (rapidjson::SizeType i = 0; i < list->Size(); ++i) {
    const std::string itemParam = param + "[" + std::to_string(i) + "]";
    const Value& item = (*list)[i];
    if (!item.IsString()) {
      reader.fail(json::wrongType(itemParam, "a string"));
      return std::nullopt;
    }
    const std::string text(item.GetString(), item.GetStringLength());
    if (endpoints) {
      if (!isEndpointName(text)) {
        std::string known;
        for (const std::string_view endpoint : kEndpointNames)
          known.append(known.empty() ? "" : ", ").append(endpoint);
        reader.fail(json::invalidValue(itemParam,
                                       "'" + itemParam + "' is not an endpoint name; known: " + known + "."));
        return std::nullopt;
      }
    } else if (const auto problem = modelPatternProblem(text)) {
      reader.fail(json::invalidValue(itemParam, "'" + itemParam + "': " + *problem + "."));
      return std::nullopt;
    }
    if (std::find(items.begin(), items.end(), text) == items.end())
      items.push_back(text);
  }
  return items;
}

// "scopes": {"models": [...], "endpoints": [...]}; each list absent -> nullopt.
struct ScopeLists {
  std::optional<std::vector<std::string>> models;
  std::optional<std::vector<std::string>> endpoints;
};

ScopeLists readScopes(ObjectReader& reader) {
  ScopeLists lists;
  const Value* scopes = reader.object("scopes");
  if (scopes == nullptr)
    return lists;
  ObjectReader inner(*scopes, reader.param("scopes") + ".");
  inner.allowOnly({"models", "endpoints"});
  lists.models = readScopeList(inner, "models", false);
  lists.endpoints = readScopeList(inner, "endpoints", true);
  if (inner.failed())
    reader.fail(inner.error());
  return lists;
}

// One limit of "limits": absent -> not given; null -> removed; otherwise checked.
struct LimitField {
  bool given = false;
  std::optional<std::int64_t> value;
};

struct LimitFields {
  LimitField requestsPerMinute;
  LimitField tokensPerMinute;
  LimitField monthlyBudgetMicroUsd;
};

LimitFields readLimits(ObjectReader& reader) {
  LimitFields fields;
  const Value* limits = reader.object("limits");
  if (limits == nullptr)
    return fields;
  ObjectReader inner(*limits, reader.param("limits") + ".");
  inner.allowOnly({"requests_per_minute", "tokens_per_minute", "monthly_budget_usd"});
  fields.requestsPerMinute.given = inner.present("requests_per_minute");
  fields.requestsPerMinute.value = inner.integer("requests_per_minute", 1, kMaxRequestsPerMinute);
  fields.tokensPerMinute.given = inner.present("tokens_per_minute");
  fields.tokensPerMinute.value = inner.integer("tokens_per_minute", 1, kMaxTokensPerMinute);
  fields.monthlyBudgetMicroUsd.given = inner.present("monthly_budget_usd");
  if (const auto usd = inner.positiveNumber("monthly_budget_usd", kMaxMonthlyBudgetUsd)) {
    const std::int64_t micro = toMicroUsd(*usd);
    if (micro < 1)
      inner.fail(
          json::invalidValue(inner.param("monthly_budget_usd"),
                             "'" + inner.param("monthly_budget_usd") + "' must be at least 0.000001."));
    fields.monthlyBudgetMicroUsd.value = micro;
  }
  if (inner.failed())
    reader.fail(inner.error());
  return fields;
}

// "expires_at" (unix seconds) or "expires_in_days"; nullopt when neither is given.
std::optional<std::int64_t> readExpiry(ObjectReader& reader, std::int64_t nowMs, bool allowDays) {
  if (allowDays && reader.present("expires_at") && reader.present("expires_in_days")) {
    reader.fail(
        json::invalidValue("expires_in_days", "Give either 'expires_at' or 'expires_in_days', not both."));
    return std::nullopt;
  }
  if (allowDays) {
    if (const auto days = reader.integer("expires_in_days", 1, kMaxExpiresInDays))
      return nowMs + *days * 86'400'000;
  }
  const std::int64_t nowSeconds = nowMs / 1000;
  const auto at = reader.integer("expires_at", 0, kLatestExpirySeconds);
  if (at && *at <= nowSeconds) {
    reader.fail(json::invalidValue("expires_at", "'expires_at' must be in the future (unix seconds)."));
    return std::nullopt;
  }
  if (at)
    return *at * 1000;
  return std::nullopt;
}

} // namespace

std::string KeyPatch::firstAdminOnlyField() const {
  if (changesScopes())
    return "scopes";
  if (changesLimits())
    return "limits";
  if (expiresAtMs)
    return "expires_at";
  return {};
}

std::int64_t toMicroUsd(double usd) {
  return static_cast<std::int64_t>(std::llround(usd * 1'000'000.0));
}

std::variant<CreateKeyRequest, http::ApiError> parseCreateKeyRequest(std::string_view body,
                                                                     std::int64_t nowMs) {
  auto parsed = json::parseObject(body);
  if (auto* error = std::get_if<http::ApiError>(&parsed))
    return std::move(*error);
  const rapidjson::Document& document = std::get<rapidjson::Document>(parsed);
  ObjectReader reader(document);
  reader.allowOnly(
      {"name", "team_id", "role", "scopes", "expires_at", "expires_in_days", "limits", "owner_id"});

  CreateKeyRequest request;
  request.name = reader.text("name", kMaxKeyNameLength, true).value_or("");
  request.teamId = reader.text("team_id", 64).value_or("");
  request.role = readRole(reader);
  ScopeLists scopes = readScopes(reader);
  request.scopes.models = std::move(scopes.models).value_or(std::vector<std::string>{});
  request.scopes.endpoints = std::move(scopes.endpoints).value_or(std::vector<std::string>{});
  request.expiresAtMs = readExpiry(reader, nowMs, true);
  const LimitFields limits = readLimits(reader);
  request.limits.requestsPerMinute = limits.requestsPerMinute.value;
  request.limits.tokensPerMinute = limits.tokensPerMinute.value;
  request.limits.monthlyBudgetMicroUsd = limits.monthlyBudgetMicroUsd.value;
  request.ownerId = reader.text("owner_id", 64).value_or("");
  if (reader.failed())
    return reader.error();
  return request;
}

std::variant<KeyPatch, http::ApiError> parseKeyPatch(std::string_view body, std::int64_t nowMs) {
  auto parsed = json::parseObject(body);
  if (auto* error = std::get_if<http::ApiError>(&parsed))
    return std::move(*error);
  const rapidjson::Document& document = std::get<rapidjson::Document>(parsed);
  ObjectReader reader(document);
  reader.allowOnly({"name", "scopes", "limits", "expires_at", "disabled"});

  KeyPatch patch;
  if (reader.present("name") && reader.isNull("name"))
    reader.fail(json::invalidValue("name", "'name' cannot be removed; give a new one."));
  patch.name = reader.text("name", kMaxKeyNameLength);
  ScopeLists scopes = readScopes(reader);
  patch.models = std::move(scopes.models);
  patch.endpoints = std::move(scopes.endpoints);
  const LimitFields limits = readLimits(reader);
  if (limits.requestsPerMinute.given)
    patch.requestsPerMinute = limits.requestsPerMinute.value;
  if (limits.tokensPerMinute.given)
    patch.tokensPerMinute = limits.tokensPerMinute.value;
  if (limits.monthlyBudgetMicroUsd.given)
    patch.monthlyBudgetMicroUsd = limits.monthlyBudgetMicroUsd.value;
  if (reader.present("expires_at"))
    patch.expiresAtMs = readExpiry(reader, nowMs, false);
  if (reader.present("disabled") && reader.isNull("disabled"))
    reader.fail(json::wrongType("disabled", "a boolean"));
  patch.disabled = reader.boolean("disabled");
  if (reader.failed())
    return reader.error();
  return patch;
}

KeyScopes patchedScopes(const KeyScopes& current, const KeyPatch& patch) {
  KeyScopes scopes = current;
  if (patch.models)
    scopes.models = *patch.models;
  if (patch.endpoints)
    scopes.endpoints = *patch.endpoints;
  return scopes;
}

store::ApiKeyLimits patchedLimits(const store::ApiKeyLimits& current, const KeyPatch& patch) {
  store::ApiKeyLimits limits = current;
  if (patch.requestsPerMinute)
    limits.requestsPerMinute = *patch.requestsPerMinute;
  if (patch.tokensPerMinute)
    limits.tokensPerMinute = *patch.tokensPerMinute;
  if (patch.monthlyBudgetMicroUsd)
    limits.monthlyBudgetMicroUsd = *patch.monthlyBudgetMicroUsd;
  return limits;
}

} // namespace gatehouse::admin
