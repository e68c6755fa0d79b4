// GET /admin/me: who the credentials in this request belong to, for any signed-in user
// or key (the dashboard's first call).
#include <gatehouse/admin/key_scopes.hpp>

#include "admin_request.hpp"
#include "admin_routes.hpp"
#include "resource_json.hpp"

namespace gatehouse::admin {
namespace {

void writeOptionalLimit(json::Writer& writer, const char* name, std::int64_t value) {
  writer.Key(name);
  value > 0 ? writer.Int64(value) : writer.Null();
}

void serveMe(const AdminContext& context, const Caller& caller, http::ResponseSink& response) {
  const Principal& principal = caller.principal;
  const std::optional<store::User> user = context.store.users().findById(principal.subject);
  rapidjson::StringBuffer buffer;
  json::Writer writer(buffer);
  writer.StartObject();
  writer.Key("object");
  writer.String("principal");
  writer.Key("user");
  if (user) {
    writer.StartObject();
    json::writeUserFields(writer, *user);
    writer.EndObject();
  } else {
    writer.Null();
  }
  writer.Key("role");
  json::writeString(writer, json::roleName(principal.role));
  writer.Key("team_id");
  json::writeNullableString(writer, principal.team);
  writer.Key("teams");
  writer.StartArray();
  for (const store::TeamMember& membership : context.store.teams().teamsOf(principal.subject)) {
    const std::optional<store::Team> team = context.store.teams().findById(membership.teamId);
    if (!team)
      continue;
    writer.StartObject();
    writer.Key("id");
    json::writeString(writer, team->id);
    writer.Key("name");
    json::writeString(writer, team->name);
    writer.Key("role");
    json::writeString(writer, json::roleName(membership.role));
    writer.EndObject();
  }
  writer.EndArray();
  writer.Key("key_id");
  json::writeNullableString(writer, principal.keyId);
  writer.Key("app");
  json::writeNullableString(writer, principal.app);
  const KeyScopes scopes = scopesFromText(principal.scopes);
  writer.Key("scopes");
  writer.StartObject();
  writer.Key("models");
  writer.StartArray();
  for (const std::string& model : scopes.models)
    json::writeString(writer, model);
  writer.EndArray();
  writer.Key("endpoints");
  writer.StartArray();
  for (const std::string& endpoint : scopes.endpoints)
    json::writeString(writer, endpoint);
  writer.EndArray();
  writer.EndObject();
  writer.Key("limits");
  writer.StartObject();
  writeOptionalLimit(writer, "requests_per_minute", principal.requestsPerMinute);
  writeOptionalLimit(writer, "tokens_per_minute", principal.tokensPerMinute);
  writer.Key("monthly_budget_usd");
  principal.monthlyBudgetMicroUsd > 0
      ? writer.Double(static_cast<double>(principal.monthlyBudgetMicroUsd) / 1e6)
      : writer.Null();
  writer.EndObject();
  writer.EndObject();
  sendJson(response, 200, json::finish(buffer));
}

} // namespace

void addMeRoute(http::Router& router, const AdminContext& context) {
  router.add({"GET", "/admin/me", http::BodyPolicy::None,
              adminRoute(context, false,
                         [&context](const Caller& caller, http::IncomingRequest&,
                                    http::ResponseSink& response) { serveMe(context, caller, response); })});
}

} // namespace gatehouse::admin
