// What every admin route does before and after its own work (internal to
// gatehouse_admin): authenticate the caller, check the role, read paging parameters,
// answer JSON, turn store failures into client errors, and write the audit log.
#pragma once

#include <gatehouse/admin/admin_api.hpp>
#include <gatehouse/http/api_error.hpp>
#include <gatehouse/http/incoming_request.hpp>
#include <gatehouse/http/response_sink.hpp>
#include <gatehouse/plugin_host/principal.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace gatehouse::admin {

struct Caller {
  Principal principal;
  bool admin() const { return principal.role == GH_ROLE_ADMIN; }
  const std::string& userId() const { return principal.subject; }
};

using AdminHandler =
    std::function<void(const Caller& caller, http::IncomingRequest& request, http::ResponseSink& response)>;

// The route handler: authenticates (any failure is answered with the Authenticator's
// error), refuses members when `adminOnly`, then runs `handler`; a StoreError it throws
// becomes 503 (unavailable), 409 (conflict), 400 (invalid) or 500, logged.
http::Handler adminRoute(const AdminContext& context, bool adminOnly, AdminHandler handler);

// The shape every route group uses: a plain function that also takes the context.
using AdminFunction = void (*)(const AdminContext& context, const Caller& caller, http::IncomingRequest& request,
                               http::ResponseSink& response);
http::Handler adminRoute(const AdminContext& context, bool adminOnly, AdminFunction function);

void sendJson(http::ResponseSink& response, int status, const std::string& body);
void sendApiError(http::ResponseSink& response, const http::ApiError& error);

http::ApiError forbidden(std::string message, std::string code);
http::ApiError notFoundError(std::string message, std::string code);
http::ApiError conflict(std::string message, std::string code);

// ?after=<id>&limit=<1..100, default 20>
struct Page {
  std::string after;
  int limit = 20;
};
inline constexpr int kMaxPageSize = 100;
// nullopt after answering 400 for a malformed query or a bad limit.
std::optional<Page> readPage(const http::IncomingRequest& request, http::ResponseSink& response);

// Appends to the audit log. A failure is logged, not raised: the change it records has
// already been made, and failing the response would invite the client to make it twice.
void audit(const AdminContext& context, const Caller& caller, std::string_view action,
           std::string_view targetType, const std::string& targetId, std::string detailJson);

} // namespace gatehouse::admin
