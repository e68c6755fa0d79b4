#include "admin_request.hpp"

#include <gatehouse/common/log.hpp>
#include <gatehouse/http/error_writer.hpp>
#include <gatehouse/http/query_string.hpp>
#include <gatehouse/store/store_error.hpp>

#include <charconv>

namespace gatehouse::admin {
namespace {

constexpr std::string_view kComponent = "admin";

http::ApiError storeFailure(const store::StoreError& error, std::string_view requestId) {
  log::error(kComponent, "request " + std::string(requestId) + ": store: " + error.what());
  switch (error.kind()) {
  case store::StoreError::Kind::Unavailable:
    return http::ApiError{503,
                          http::ErrorType::Api,
                          "The gateway's database is unavailable right now; please retry later.",
                          {},
                          "store_unavailable"};
  case store::StoreError::Kind::Conflict:
    return conflict("The change conflicts with the current data (it was changed meanwhile, or a name is "
                    "already taken).",
                    "conflict");
  case store::StoreError::Kind::Invalid:
    return http::badRequest("The database refused a value of this request.", {}, "invalid_value");
  case store::StoreError::Kind::SchemaMismatch:
  case store::StoreError::Kind::Internal: break;
  }
  return http::internalError(requestId);
}

} // namespace

void sendJson(http::ResponseSink& response, int status, const std::string& body) {
  // Admin answers describe people and keys: no cache may keep them.
  response.setHeader("Cache-Control", "no-store");
  response.send(status, "application/json", body);
}

void sendApiError(http::ResponseSink& response, const http::ApiError& error) {
  response.setHeader("Cache-Control", "no-store");
  http::sendError(response, error);
}

http::ApiError forbidden(std::string message, std::string code) {
  return http::ApiError{403, http::ErrorType::Permission, std::move(message), {}, std::move(code)};
}

http::ApiError notFoundError(std::string message, std::string code) {
  return http::notFound(std::move(message), std::move(code));
}

http::ApiError conflict(std::string message, std::string code) {
  return http::ApiError{409, http::ErrorType::InvalidRequest, std::move(message), {}, std::move(code)};
}

http::Handler adminRoute(const AdminContext& context, bool adminOnly, AdminFunction function) {
  return adminRoute(context, adminOnly,
                    [&context, function](const Caller& caller, http::IncomingRequest& request,
                                         http::ResponseSink& response) { function(context, caller, request, response); });
}

http::Handler adminRoute(const AdminContext& context, bool adminOnly, AdminHandler handler) {
  return [&context, adminOnly, handler = std::move(handler)](http::IncomingRequest& request,
                                                             http::ResponseSink& response) {
    auto outcome = context.authenticator.authenticate(request.client, request.requestId);
    if (const auto* error = std::get_if<http::ApiError>(&outcome)) {
      sendApiError(response, *error);
      return;
    }
    Caller caller{std::get<Principal>(std::move(outcome))};
    if (caller.userId().empty()) {
      // Only possible with no authentication configured at all: the admin API is never
      // open to anonymous callers.
      sendApiError(response, http::ApiError{401,
                                            http::ErrorType::Authentication,
                                            "The admin API needs a signed-in user or an API key.",
                                            {},
                                            "missing_credentials"});
      return;
    }
    if (adminOnly && !caller.admin()) {
      sendApiError(response, forbidden("This needs the admin role.", "admin_required"));
      return;
    }
    try {
      handler(caller, request, response);
    } catch (const store::StoreError& error) {
      sendApiError(response, storeFailure(error, request.requestId));
    }
  };
}

std::optional<Page> readPage(const http::IncomingRequest& request, http::ResponseSink& response) {
  const http::QueryString query(request.client.query());
  if (!query.valid()) {
    sendApiError(response, http::badRequest("The query string is malformed.", {}, "invalid_query"));
    return std::nullopt;
  }
  Page page;
  page.after = query.get("after").value_or("");
  if (const auto limit = query.get("limit")) {
    int value = 0;
    const auto [end, problem] = std::from_chars(limit->data(), limit->data() + limit->size(), value);
    if (problem != std::errc() || end != limit->data() + limit->size() || value < 1 || value > kMaxPageSize) {
      sendApiError(response, http::badRequest("'limit' must be an integer from 1 to " +
                                                  std::to_string(kMaxPageSize) + ".",
                                              "limit", "invalid_value"));
      return std::nullopt;
    }
    page.limit = value;
  }
  return page;
}

void audit(const AdminContext& context, const Caller& caller, std::string_view action,
           std::string_view targetType, const std::string& targetId, std::string detailJson) {
  try {
    context.store.audit().append(store::NewAuditEntry{
        caller.userId(), std::string(action), std::string(targetType), targetId, std::move(detailJson)});
  } catch (const std::exception& error) {
    log::error(kComponent, "audit entry " + std::string(action) + " " + std::string(targetType) + " " +
                               targetId + " was not written: " + error.what());
  }
}

} // namespace gatehouse::admin
