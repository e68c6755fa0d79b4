#include "admin_routes.hpp"

namespace gatehouse::admin {

void addAdminRoutes(http::Router& router, const AdminContext& context) {
  addMeRoute(router, context);
  addUserRoutes(router, context);
  addTeamRoutes(router, context);
  addKeyRoutes(router, context);
  addUsageRoute(router, context);
}

} // namespace gatehouse::admin
