// GET /admin/usage: usage from the hourly rollups. An admin may ask about anyone; a member
// about themselves, the teams they belong to and their own keys, and by default sees their
// own usage.
#include <gatehouse/admin/usage_report.hpp>
#include <gatehouse/admin/usage_request.hpp>

#include <algorithm>

#include "admin_request.hpp"
#include "admin_routes.hpp"

namespace gatehouse::admin {
namespace {

using http::ApiError;

ApiError notYours(const std::string& param, std::string message) {
  ApiError error = forbidden(std::move(message), "usage_not_permitted");
  error.param = param;
  return error;
}

// Narrows a member's request without filters to their own usage; otherwise the 403 for the
// first filter that reaches beyond what they may see. A key that does not exist and
// another user's key are refused alike, so the answer tells nothing about other keys.
std::optional<ApiError> limitToMember(const AdminContext& context, const Caller& caller,
                                      UsageRequest& request) {
  if (!request.hasFilter()) {
    request.userId = caller.userId();
    return std::nullopt;
  }
  if (!request.userId.empty() && request.userId != caller.userId())
    return notYours("user_id", "Members may see only their own usage: 'user_id' must be your own user id.");
  if (!request.teamId.empty()) {
    const std::vector<store::TeamMember> teams = context.store.teams().teamsOf(caller.userId());
    const bool member =
        std::any_of(teams.begin(), teams.end(), [&request](const store::TeamMember& membership) {
          return membership.teamId == request.teamId;
        });
    if (!member)
      return notYours("team_id", "Members may see the usage of their own teams only.");
  }
  if (!request.keyId.empty()) {
    const std::optional<store::ApiKey> key = context.store.apiKeys().findById(request.keyId);
    if (!key || key->ownerUserId != caller.userId())
      return notYours("key_id", "Members may see the usage of their own API keys only.");
  }
  return std::nullopt;
}

void serveUsage(const AdminContext& context, const Caller& caller, http::IncomingRequest& request,
                http::ResponseSink& response) {
  auto parsed = parseUsageRequest(request.client.query(), context.nowMs());
  if (const auto* error = std::get_if<ApiError>(&parsed)) {
    sendApiError(response, *error);
    return;
  }
  UsageRequest usage = std::get<UsageRequest>(std::move(parsed));
  if (!caller.admin()) {
    if (const std::optional<ApiError> denied = limitToMember(context, caller, usage)) {
      sendApiError(response, *denied);
      return;
    }
  }
  sendJson(response, 200, usageReportJson(usage, context.store.usage().summarize(usage.query())));
}

} // namespace

void addUsageRoute(http::Router& router, const AdminContext& context) {
  router.add({"GET", "/admin/usage", http::BodyPolicy::None,
              adminRoute(context, false,
                         [&context](const Caller& caller, http::IncomingRequest& request,
                                    http::ResponseSink& response) {
                           serveUsage(context, caller, request, response);
                         })});
}

} // namespace gatehouse::admin
