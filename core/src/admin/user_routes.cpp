// /admin/users (admin only): list, create local users, show, and change name, role or
// the disabled flag. Disabling someone takes effect at once on this node: their sessions
// end and their keys stop.
#include <utility>

#include "admin_request.hpp"
#include "admin_routes.hpp"
#include "json_fields.hpp"
#include "resource_json.hpp"

namespace gatehouse::admin {
namespace {

using http::ApiError;
using http::BodyPolicy;
using http::IncomingRequest;
using http::ResponseSink;

constexpr std::size_t kMaxEmailLength = 254;
constexpr std::size_t kMaxUserNameLength = 200;

ApiError userNotFound() {
  return notFoundError("No user with that id.", "user_not_found");
}

std::optional<store::Role> readUserRole(json::ObjectReader& reader) {
  const std::optional<std::string> role = reader.text("role", 16);
  if (!role)
    return std::nullopt;
  if (*role == "admin")
    return store::Role::Admin;
  if (*role == "member")
    return store::Role::Member;
  reader.fail(json::invalidValue("role", "'role' must be \"admin\" or \"member\"."));
  return std::nullopt;
}

bool plausibleEmail(const std::string& email) {
  const std::size_t at = email.find('@');
  return at != std::string::npos && at > 0 && at + 1 < email.size() &&
         email.find('@', at + 1) == std::string::npos && email.find(' ') == std::string::npos;
}

std::vector<std::pair<store::TeamMember, store::Team>> teamsOf(const AdminContext& context,
                                                               const std::string& userId) {
  std::vector<std::pair<store::TeamMember, store::Team>> teams;
  for (const store::TeamMember& membership : context.store.teams().teamsOf(userId)) {
    if (std::optional<store::Team> team = context.store.teams().findById(membership.teamId))
      teams.emplace_back(membership, std::move(*team));
  }
  return teams;
}

std::string userDetail(const store::User& user) {
  rapidjson::StringBuffer buffer;
  json::Writer writer(buffer);
  writer.StartObject();
  writer.Key("email");
  json::writeNullableString(writer, user.email);
  writer.Key("name");
  json::writeNullableString(writer, user.displayName);
  writer.Key("role");
  json::writeString(writer, json::roleName(user.role));
  writer.Key("disabled");
  writer.Bool(user.disabled);
  writer.EndObject();
  return json::finish(buffer);
}

void listUsers(const AdminContext& context, const Caller&, IncomingRequest& request, ResponseSink& response) {
  const std::optional<Page> page = readPage(request, response);
  if (!page)
    return;
  std::vector<store::User> users = context.store.users().list(page->after, page->limit + 1);
  const bool hasMore = users.size() > static_cast<std::size_t>(page->limit);
  if (hasMore)
    users.pop_back();
  std::vector<std::string> items;
  items.reserve(users.size());
  for (const store::User& user : users) {
    rapidjson::StringBuffer buffer;
    json::Writer writer(buffer);
    writer.StartObject();
    json::writeUserFields(writer, user);
    writer.EndObject();
    items.push_back(json::finish(buffer));
  }
  sendJson(response, 200,
           json::listJson(
               items, users, [](const store::User& user) { return user.id; }, hasMore));
}

void createUser(const AdminContext& context, const Caller& caller, IncomingRequest& request,
                ResponseSink& response) {
  auto parsed = json::parseObject(request.body);
  if (const auto* error = std::get_if<ApiError>(&parsed)) {
    sendApiError(response, *error);
    return;
  }
  json::ObjectReader reader(std::get<rapidjson::Document>(parsed));
  reader.allowOnly({"email", "name", "role"});
  store::NewUser user;
  user.email = reader.text("email", kMaxEmailLength, true).value_or("");
  if (!reader.failed() && !plausibleEmail(user.email))
    reader.fail(json::invalidValue("email", "'email' must look like name@domain."));
  user.displayName = reader.text("name", kMaxUserNameLength).value_or("");
  user.role = readUserRole(reader).value_or(store::Role::Member);
  if (reader.failed()) {
    sendApiError(response, reader.error());
    return;
  }
  // A local user (no identity-provider subject): they get keys from an administrator.
  const store::User created = context.store.users().create(user);
  audit(context, caller, "user.create", "user", created.id, userDetail(created));
  sendJson(response, 201, json::userJson(created, {}));
}

void showUser(const AdminContext& context, const Caller&, IncomingRequest& request, ResponseSink& response) {
  const std::optional<store::User> user =
      context.store.users().findById(std::string(request.pathParam("id")));
  if (!user) {
    sendApiError(response, userNotFound());
    return;
  }
  sendJson(response, 200, json::userJson(*user, teamsOf(context, user->id)));
}

// True when the user still holds a live admin-role key: demoting them would leave it
// working with admin power, so that is refused until the keys are revoked.
bool holdsLiveAdminKey(const AdminContext& context, const std::string& userId) {
  const std::int64_t now = context.nowMs();
  for (const store::ApiKey& key : context.store.apiKeys().listByOwner(userId)) {
    if (key.role == store::Role::Admin && !key.revokedAtMs && (!key.expiresAtMs || now < *key.expiresAtMs))
      return true;
  }
  return false;
}

// Makes the key directory re-read the owner of every key of the user (disabled or
// enabled again), so the change holds on this node at once and on the others at their
// next refresh.
void refreshKeysOf(const AdminContext& context, const std::string& userId) {
  context.store.apiKeys().touchOwner(userId);
  for (const store::ApiKey& key : context.store.apiKeys().listByOwner(userId))
    context.keys.reload(key.id);
}

void patchUser(const AdminContext& context, const Caller& caller, IncomingRequest& request,
               ResponseSink& response) {
  auto parsed = json::parseObject(request.body);
  if (const auto* error = std::get_if<ApiError>(&parsed)) {
    sendApiError(response, *error);
    return;
  }
  json::ObjectReader reader(std::get<rapidjson::Document>(parsed));
  reader.allowOnly({"name", "role", "disabled"});
  const std::optional<std::string> name = reader.text("name", kMaxUserNameLength);
  const std::optional<store::Role> role = readUserRole(reader);
  const std::optional<bool> disabled = reader.boolean("disabled");
  if (reader.failed()) {
    sendApiError(response, reader.error());
    return;
  }
  std::optional<store::User> user = context.store.users().findById(std::string(request.pathParam("id")));
  if (!user) {
    sendApiError(response, userNotFound());
    return;
  }
  const bool demotes = role && *role == store::Role::Member && user->role == store::Role::Admin;
  const bool disables = disabled && *disabled && !user->disabled;
  const bool enables = disabled && !*disabled && user->disabled;
  if (user->id == caller.userId() && (demotes || disables)) {
    // Nobody locks themselves out by accident; another administrator can do it.
    sendApiError(response, http::badRequest("You cannot disable yourself or remove your own admin role.",
                                            demotes ? "role" : "disabled", "cannot_modify_self"));
    return;
  }
  if (demotes && holdsLiveAdminKey(context, user->id)) {
    sendApiError(response, conflict("This user holds admin keys; revoke them before removing the admin role.",
                                    "user_has_admin_keys"));
    return;
  }
  if (name)
    user->displayName = *name;
  if (role)
    user->role = *role;
  if (disabled)
    user->disabled = *disabled;
  if (!context.store.users().update(*user)) {
    sendApiError(response, userNotFound());
    return;
  }
  if (context.identities != nullptr)
    context.identities->forget(user->id);
  if (disables)
    context.sessions.endAllFor(user->id);
  if (disables || enables)
    refreshKeysOf(context, user->id);
  const std::optional<store::User> updated = context.store.users().findById(user->id);
  audit(context, caller, "user.update", "user", user->id, userDetail(updated.value_or(*user)));
  sendJson(response, 200, json::userJson(updated.value_or(*user), teamsOf(context, user->id)));
}

} // namespace

void addUserRoutes(http::Router& router, const AdminContext& context) {
  const auto route = [&context](AdminFunction function) { return adminRoute(context, true, function); };
  router.add({"GET", "/admin/users", BodyPolicy::None, route(listUsers)});
  router.add({"POST", "/admin/users", BodyPolicy::Json, route(createUser)});
  router.add({"GET", "/admin/users/{id}", BodyPolicy::None, route(showUser)});
  router.add({"PATCH", "/admin/users/{id}", BodyPolicy::Json, route(patchUser)});
}

} // namespace gatehouse::admin
