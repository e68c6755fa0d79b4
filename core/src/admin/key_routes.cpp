// /admin/keys: create (the secret is in that one response only), list, show, change,
// revoke. Members work on their own keys only, and may not hand a new key more than
// their own principal has.
#include <gatehouse/admin/key_request.hpp>
#include <gatehouse/auth/api_key_secret.hpp>
#include <gatehouse/http/query_string.hpp>

#include <algorithm>

#include "admin_request.hpp"
#include "admin_routes.hpp"
#include "key_audit.hpp"
#include "resource_json.hpp"

namespace gatehouse::admin {
namespace {

using http::ApiError;
using http::BodyPolicy;
using http::IncomingRequest;
using http::ResponseSink;

ApiError keyNotFound() {
  // The same answer whether the key does not exist or belongs to someone else, so a
  // member cannot probe for other people's key ids.
  return notFoundError("No API key with that id.", "key_not_found");
}

ApiError paramError(int status, http::ErrorType type, std::string message, std::string param,
                    std::string code) {
  return ApiError{status, type, std::move(message), std::move(param), std::move(code)};
}

// The key `id` if the caller may see it: admins every key, members their own.
std::optional<store::ApiKey> visibleKey(const AdminContext& context, const Caller& caller,
                                        const std::string& id) {
  std::optional<store::ApiKey> key = context.store.apiKeys().findById(id);
  if (key && !caller.admin() && key->ownerUserId != caller.userId())
    return std::nullopt;
  return key;
}

// Which fields a PATCH changed, with their new values.
std::string patchAuditDetail(const KeyPatch& patch, const store::ApiKey& after) {
  rapidjson::StringBuffer buffer;
  json::Writer writer(buffer);
  writer.StartObject();
  if (patch.name) {
    writer.Key("name");
    json::writeString(writer, after.name);
  }
  if (patch.changesScopes()) {
    writer.Key("scopes");
    writeScopeItems(writer, after.scopes);
  }
  if (patch.changesLimits())
    writeLimitsDetail(writer, after.limits);
  if (patch.expiresAtMs) {
    writer.Key("expires_at");
    json::writeNullableSeconds(writer, after.expiresAtMs);
  }
  if (patch.disabled) {
    writer.Key("disabled");
    writer.Bool(after.disabled);
  }
  writer.EndObject();
  return json::finish(buffer);
}

// A member's new key may not be limited less than the principal they create it with.
std::optional<ApiError> limitsWithin(const store::ApiKeyLimits& requested, const Principal& principal) {
  const struct {
    std::int64_t own;
    std::optional<std::int64_t> wanted;
    const char* param;
  } checks[] = {
      {principal.requestsPerMinute, requested.requestsPerMinute, "limits.requests_per_minute"},
      {principal.tokensPerMinute, requested.tokensPerMinute, "limits.tokens_per_minute"},
      {principal.monthlyBudgetMicroUsd, requested.monthlyBudgetMicroUsd, "limits.monthly_budget_usd"},
  };
  for (const auto& check : checks) {
    if (check.own > 0 && (!check.wanted || *check.wanted > check.own)) {
      return paramError(403, http::ErrorType::Permission,
                        std::string("'") + check.param +
                            "' must be set and no higher than the limit of the credentials you are using.",
                        check.param, "limit_too_high");
    }
  }
  return std::nullopt;
}

// Who will own the new key, checked: nullopt after answering the problem.
std::optional<store::User> resolveOwner(const AdminContext& context, const Caller& caller,
                                        const CreateKeyRequest& request, ResponseSink& response) {
  const std::string& ownerId = request.ownerId.empty() ? caller.userId() : request.ownerId;
  if (ownerId != caller.userId() && !caller.admin()) {
    sendApiError(response, paramError(403, http::ErrorType::Permission,
                                      "Only an administrator may create keys for someone else.", "owner_id",
                                      "admin_required"));
    return std::nullopt;
  }
  std::optional<store::User> owner = context.store.users().findById(ownerId);
  if (!owner) {
    sendApiError(response, paramError(404, http::ErrorType::NotFound, "No user with that id.", "owner_id",
                                      "user_not_found"));
    return std::nullopt;
  }
  if (owner->disabled) {
    sendApiError(response, paramError(400, http::ErrorType::InvalidRequest,
                                      "That user is disabled; enable them before giving them keys.",
                                      "owner_id", "user_disabled"));
    return std::nullopt;
  }
  return owner;
}

// Checks everything about a new key that depends on who asks; answers and returns false
// when something is not allowed.
bool permitCreate(const AdminContext& context, const Caller& caller, const CreateKeyRequest& request,
                  const store::User& owner, ResponseSink& response) {
  const store::Role role = request.role.value_or(store::Role::Member);
  if (role == store::Role::Admin) {
    if (!caller.admin()) {
      sendApiError(response,
                   paramError(403, http::ErrorType::Permission,
                              "Only an administrator may create admin keys.", "role", "admin_required"));
      return false;
    }
    if (owner.role != store::Role::Admin) {
      sendApiError(response, paramError(400, http::ErrorType::InvalidRequest,
                                        "An admin key must belong to a user with the admin role.", "role",
                                        "invalid_value"));
      return false;
    }
  }
  if (!request.teamId.empty()) {
    if (!context.store.teams().findById(request.teamId)) {
      sendApiError(response, paramError(404, http::ErrorType::NotFound, "No team with that id.", "team_id",
                                        "team_not_found"));
      return false;
    }
    if (!caller.admin()) {
      const auto teams = context.store.teams().teamsOf(caller.userId());
      const bool member = std::any_of(teams.begin(), teams.end(), [&request](const store::TeamMember& m) {
        return m.teamId == request.teamId;
      });
      if (!member) {
        sendApiError(response, paramError(403, http::ErrorType::Permission,
                                          "You can only create keys for a team you belong to.", "team_id",
                                          "not_team_member"));
        return false;
      }
    }
  }
  if (!caller.admin()) {
    if (!scopesWithin(request.scopes, scopesFromText(caller.principal.scopes))) {
      sendApiError(response,
                   paramError(403, http::ErrorType::Permission,
                              "A new key may not allow models or endpoints that the credentials you are "
                              "using do not allow.",
                              "scopes", "scope_too_wide"));
      return false;
    }
    if (const auto problem = limitsWithin(request.limits, caller.principal)) {
      sendApiError(response, *problem);
      return false;
    }
  }
  return true;
}

void createKey(const AdminContext& context, const Caller& caller, IncomingRequest& request,
               ResponseSink& response) {
  const std::int64_t now = context.nowMs();
  auto parsed = parseCreateKeyRequest(request.body, now);
  if (const auto* error = std::get_if<ApiError>(&parsed)) {
    sendApiError(response, *error);
    return;
  }
  const CreateKeyRequest& wanted = std::get<CreateKeyRequest>(parsed);
  const std::optional<store::User> owner = resolveOwner(context, caller, wanted, response);
  if (!owner || !permitCreate(context, caller, wanted, *owner, response))
    return;

  const auth::GeneratedApiKey generated = auth::generateApiKey();
  store::NewApiKey fresh;
  fresh.keyHash = generated.hash;
  fresh.prefix = generated.displayPrefix;
  fresh.ownerUserId = owner->id;
  fresh.teamId = wanted.teamId;
  fresh.name = wanted.name;
  fresh.role = wanted.role.value_or(store::Role::Member);
  fresh.scopes = scopeItems(wanted.scopes);
  fresh.limits = wanted.limits;
  fresh.expiresAtMs = wanted.expiresAtMs;
  const store::ApiKey key = context.store.apiKeys().insert(fresh);
  context.keys.apply(key);
  audit(context, caller, "api_key.create", "api_key", key.id, keyAuditDetail(key));

  rapidjson::StringBuffer buffer;
  json::Writer writer(buffer);
  writer.StartObject();
  json::writeKeyFields(writer, key, now);
  // The only time the secret leaves the gateway: the store keeps its hash alone.
  writer.Key("key");
  json::writeString(writer, generated.secret);
  writer.EndObject();
  sendJson(response, 201, json::finish(buffer));
}

void listKeys(const AdminContext& context, const Caller& caller, IncomingRequest& request,
              ResponseSink& response) {
  const std::optional<Page> page = readPage(request, response);
  if (!page)
    return;
  const std::string owner = http::QueryString(request.client.query()).get("owner").value_or("");
  if (!caller.admin() && !owner.empty() && owner != caller.userId()) {
    sendApiError(response, paramError(403, http::ErrorType::Permission,
                                      "Members can list only their own keys.", "owner", "admin_required"));
    return;
  }
  std::vector<store::ApiKey> keys;
  bool hasMore = false;
  if (!caller.admin() || !owner.empty()) {
    // One person's keys, newest first: few enough to answer in one page.
    keys = context.store.apiKeys().listByOwner(caller.admin() ? owner : caller.userId());
  } else {
    keys = context.store.apiKeys().list(page->after, page->limit + 1);
    hasMore = keys.size() > static_cast<std::size_t>(page->limit);
    if (hasMore)
      keys.pop_back();
  }
  const std::int64_t now = context.nowMs();
  std::vector<std::string> items;
  items.reserve(keys.size());
  for (const store::ApiKey& key : keys)
    items.push_back(json::keyJson(key, now));
  sendJson(response, 200,
           json::listJson(
               items, keys, [](const store::ApiKey& key) { return key.id; }, hasMore));
}

void showKey(const AdminContext& context, const Caller& caller, IncomingRequest& request,
             ResponseSink& response) {
  const std::optional<store::ApiKey> key = visibleKey(context, caller, std::string(request.pathParam("id")));
  if (!key) {
    sendApiError(response, keyNotFound());
    return;
  }
  sendJson(response, 200, json::keyJson(*key, context.nowMs()));
}

// Writes each part of `patch` that changes something.
void applyPatch(const AdminContext& context, const store::ApiKey& key, const KeyPatch& patch) {
  store::ApiKeyRepository& keys = context.store.apiKeys();
  if (patch.name && *patch.name != key.name)
    keys.rename(key.id, *patch.name);
  if (patch.changesScopes()) {
    const std::vector<std::string> scopes = scopeItems(patchedScopes(scopesFromItems(key.scopes), patch));
    if (scopes != key.scopes)
      keys.updateScopes(key.id, scopes);
  }
  if (patch.changesLimits()) {
    const store::ApiKeyLimits limits = patchedLimits(key.limits, patch);
    if (limits != key.limits)
      keys.updateLimits(key.id, limits);
  }
  if (patch.expiresAtMs && *patch.expiresAtMs != key.expiresAtMs)
    keys.updateExpiry(key.id, *patch.expiresAtMs);
  if (patch.disabled && *patch.disabled != key.disabled)
    keys.setDisabled(key.id, *patch.disabled);
}

void patchKey(const AdminContext& context, const Caller& caller, IncomingRequest& request,
              ResponseSink& response) {
  const std::int64_t now = context.nowMs();
  auto parsed = parseKeyPatch(request.body, now);
  if (const auto* error = std::get_if<ApiError>(&parsed)) {
    sendApiError(response, *error);
    return;
  }
  const KeyPatch& patch = std::get<KeyPatch>(parsed);
  const std::optional<store::ApiKey> key = visibleKey(context, caller, std::string(request.pathParam("id")));
  if (!key) {
    sendApiError(response, keyNotFound());
    return;
  }
  if (!caller.admin()) {
    if (const std::string field = patch.firstAdminOnlyField(); !field.empty()) {
      sendApiError(response,
                   paramError(403, http::ErrorType::Permission,
                              "Members may change only the name and the disabled flag of their keys; '" +
                                  field + "' needs the admin role.",
                              field, "admin_required"));
      return;
    }
  }
  if (key->revokedAtMs) {
    sendApiError(response, conflict("This key is revoked; a revoked key cannot be changed.", "key_revoked"));
    return;
  }
  applyPatch(context, *key, patch);
  const std::optional<store::ApiKey> updated = context.store.apiKeys().findById(key->id);
  if (!updated) {
    sendApiError(response, keyNotFound());
    return;
  }
  context.keys.apply(*updated);
  audit(context, caller, "api_key.update", "api_key", updated->id, patchAuditDetail(patch, *updated));
  sendJson(response, 200, json::keyJson(*updated, now));
}

void revokeKey(const AdminContext& context, const Caller& caller, IncomingRequest& request,
               ResponseSink& response) {
  const std::optional<store::ApiKey> key = visibleKey(context, caller, std::string(request.pathParam("id")));
  if (!key) {
    sendApiError(response, keyNotFound());
    return;
  }
  const std::int64_t now = context.nowMs();
  if (key->revokedAtMs) {
    sendJson(response, 200, json::keyJson(*key, now)); // revoking twice changes nothing
    return;
  }
  context.store.apiKeys().revoke(key->id, now);
  const std::optional<store::ApiKey> revoked = context.store.apiKeys().findById(key->id);
  if (!revoked) {
    sendApiError(response, keyNotFound());
    return;
  }
  context.keys.apply(*revoked);
  audit(context, caller, "api_key.revoke", "api_key", revoked->id, keyAuditDetail(*revoked));
  sendJson(response, 200, json::keyJson(*revoked, now));
}

} // namespace

void addKeyRoutes(http::Router& router, const AdminContext& context) {
  const auto route = [&context](AdminFunction function) { return adminRoute(context, false, function); };
  router.add({"GET", "/admin/keys", BodyPolicy::None, route(listKeys)});
  router.add({"POST", "/admin/keys", BodyPolicy::Json, route(createKey)});
  router.add({"GET", "/admin/keys/{id}", BodyPolicy::None, route(showKey)});
  router.add({"PATCH", "/admin/keys/{id}", BodyPolicy::Json, route(patchKey)});
  router.add({"DELETE", "/admin/keys/{id}", BodyPolicy::None, route(revokeKey)});
}

} // namespace gatehouse::admin
