// The admin API's route groups (internal to gatehouse_admin); addAdminRoutes adds them all.
#pragma once

#include <gatehouse/admin/admin_api.hpp>
#include <gatehouse/http/router.hpp>

namespace gatehouse::admin {

void addMeRoute(http::Router& router, const AdminContext& context);
void addUserRoutes(http::Router& router, const AdminContext& context);
void addTeamRoutes(http::Router& router, const AdminContext& context);
void addKeyRoutes(http::Router& router, const AdminContext& context);
void addUsageRoute(http::Router& router, const AdminContext& context);

} // namespace gatehouse::admin
