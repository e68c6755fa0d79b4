// /admin/teams (admin only): teams and who belongs to them.
#include <gatehouse/admin/key_request.hpp>

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

constexpr std::size_t kMaxTeamNameLength = 100;

ApiError teamNotFound() {
  return notFoundError("No team with that id.", "team_not_found");
}

std::string teamJson(const store::Team& team) {
  rapidjson::StringBuffer buffer;
  json::Writer writer(buffer);
  writer.StartObject();
  json::writeTeamFields(writer, team);
  writer.EndObject();
  return json::finish(buffer);
}

std::string memberJson(const store::TeamMember& member, const store::User* user) {
  rapidjson::StringBuffer buffer;
  json::Writer writer(buffer);
  writer.StartObject();
  json::writeMemberFields(writer, member, user);
  writer.EndObject();
  return json::finish(buffer);
}

std::string membershipDetail(const std::string& userId, std::optional<store::Role> role) {
  rapidjson::StringBuffer buffer;
  json::Writer writer(buffer);
  writer.StartObject();
  writer.Key("user_id");
  json::writeString(writer, userId);
  if (role) {
    writer.Key("role");
    json::writeString(writer, json::roleName(*role));
  }
  writer.EndObject();
  return json::finish(buffer);
}

void listTeams(const AdminContext& context, const Caller&, IncomingRequest&, ResponseSink& response) {
  const std::vector<store::Team> teams = context.store.teams().list();
  std::vector<std::string> items;
  items.reserve(teams.size());
  for (const store::Team& team : teams)
    items.push_back(teamJson(team));
  sendJson(response, 200,
           json::listJson(
               items, teams, [](const store::Team& team) { return team.id; }, false));
}

void createTeam(const AdminContext& context, const Caller& caller, IncomingRequest& request,
                ResponseSink& response) {
  auto parsed = json::parseObject(request.body);
  if (const auto* error = std::get_if<ApiError>(&parsed)) {
    sendApiError(response, *error);
    return;
  }
  json::ObjectReader reader(std::get<rapidjson::Document>(parsed));
  reader.allowOnly({"name", "monthly_budget_usd"});
  store::NewTeam team;
  team.name = reader.text("name", kMaxTeamNameLength, true).value_or("");
  if (const auto usd = reader.positiveNumber("monthly_budget_usd", kMaxMonthlyBudgetUsd))
    team.monthlyBudgetMicroUsd = toMicroUsd(*usd);
  if (reader.failed()) {
    sendApiError(response, reader.error());
    return;
  }
  if (context.store.teams().findByName(team.name)) {
    sendApiError(response, conflict("A team with that name already exists.", "team_exists"));
    return;
  }
  const store::Team created = context.store.teams().create(team);
  audit(context, caller, "team.create", "team", created.id, teamJson(created));
  sendJson(response, 201, teamJson(created));
}

void showTeam(const AdminContext& context, const Caller&, IncomingRequest& request, ResponseSink& response) {
  const std::optional<store::Team> team =
      context.store.teams().findById(std::string(request.pathParam("id")));
  if (!team) {
    sendApiError(response, teamNotFound());
    return;
  }
  sendJson(response, 200, teamJson(*team));
}

void listMembers(const AdminContext& context, const Caller&, IncomingRequest& request,
                 ResponseSink& response) {
  const std::optional<store::Team> team =
      context.store.teams().findById(std::string(request.pathParam("id")));
  if (!team) {
    sendApiError(response, teamNotFound());
    return;
  }
  const std::vector<store::TeamMember> members = context.store.teams().members(team->id);
  std::vector<std::string> items;
  items.reserve(members.size());
  for (const store::TeamMember& member : members) {
    const std::optional<store::User> user = context.store.users().findById(member.userId);
    items.push_back(memberJson(member, user ? &*user : nullptr));
  }
  sendJson(response, 200,
           json::listJson(
               items, members, [](const store::TeamMember& member) { return member.userId; }, false));
}

void putMember(const AdminContext& context, const Caller& caller, IncomingRequest& request,
               ResponseSink& response) {
  auto parsed = json::parseObject(request.body);
  if (const auto* error = std::get_if<ApiError>(&parsed)) {
    sendApiError(response, *error);
    return;
  }
  json::ObjectReader reader(std::get<rapidjson::Document>(parsed));
  reader.allowOnly({"role"});
  store::Role role = store::Role::Member;
  if (const auto text = reader.text("role", 16)) {
    if (*text == "admin")
      role = store::Role::Admin;
    else if (*text != "member")
      reader.fail(json::invalidValue("role", "'role' must be \"admin\" or \"member\"."));
  }
  if (reader.failed()) {
    sendApiError(response, reader.error());
    return;
  }
  const std::optional<store::Team> team =
      context.store.teams().findById(std::string(request.pathParam("id")));
  if (!team) {
    sendApiError(response, teamNotFound());
    return;
  }
  const std::optional<store::User> user =
      context.store.users().findById(std::string(request.pathParam("userId")));
  if (!user) {
    sendApiError(response, notFoundError("No user with that id.", "user_not_found"));
    return;
  }
  context.store.teams().putMember(team->id, user->id, role);
  if (context.identities != nullptr)
    context.identities->forget(user->id);
  audit(context, caller, "team.member.put", "team", team->id, membershipDetail(user->id, role));
  for (const store::TeamMember& member : context.store.teams().members(team->id)) {
    if (member.userId == user->id) {
      sendJson(response, 200, memberJson(member, &*user));
      return;
    }
  }
  sendApiError(response, notFoundError("The membership was removed meanwhile.", "member_not_found"));
}

void removeMember(const AdminContext& context, const Caller& caller, IncomingRequest& request,
                  ResponseSink& response) {
  const std::optional<store::Team> team =
      context.store.teams().findById(std::string(request.pathParam("id")));
  if (!team) {
    sendApiError(response, teamNotFound());
    return;
  }
  const std::string userId(request.pathParam("userId"));
  if (!context.store.teams().removeMember(team->id, userId)) {
    sendApiError(response, notFoundError("That user is not a member of this team.", "member_not_found"));
    return;
  }
  if (context.identities != nullptr)
    context.identities->forget(userId);
  audit(context, caller, "team.member.remove", "team", team->id, membershipDetail(userId, std::nullopt));
  rapidjson::StringBuffer buffer;
  json::Writer writer(buffer);
  writer.StartObject();
  writer.Key("object");
  writer.String("team.member");
  writer.Key("team_id");
  json::writeString(writer, team->id);
  writer.Key("user_id");
  json::writeString(writer, userId);
  writer.Key("deleted");
  writer.Bool(true);
  writer.EndObject();
  sendJson(response, 200, json::finish(buffer));
}

} // namespace

void addTeamRoutes(http::Router& router, const AdminContext& context) {
  const auto route = [&context](AdminFunction function) { return adminRoute(context, true, function); };
  router.add({"GET", "/admin/teams", BodyPolicy::None, route(listTeams)});
  router.add({"POST", "/admin/teams", BodyPolicy::Json, route(createTeam)});
  router.add({"GET", "/admin/teams/{id}", BodyPolicy::None, route(showTeam)});
  router.add({"GET", "/admin/teams/{id}/members", BodyPolicy::None, route(listMembers)});
  router.add({"PUT", "/admin/teams/{id}/members/{userId}", BodyPolicy::Json, route(putMember)});
  router.add({"DELETE", "/admin/teams/{id}/members/{userId}", BodyPolicy::None, route(removeMember)});
}

} // namespace gatehouse::admin
