// The admin API under /admin: users, teams, memberships and API keys, JSON in and out,
// errors in the OpenAI shape. Every route authenticates through the app's Authenticator
// (session cookie, API key or identity-provider token alike); an admin principal may do
// everything, a member only GET /admin/me and their own keys.
//
//   GET  /admin/me
//   GET  /admin/users?after=&limit=        POST /admin/users
//   GET  /admin/users/{id}                 PATCH /admin/users/{id}
//   GET  /admin/teams                      POST /admin/teams
//   GET  /admin/teams/{id}                 GET /admin/teams/{id}/members
//   PUT  /admin/teams/{id}/members/{userId}   DELETE /admin/teams/{id}/members/{userId}
//   GET  /admin/keys?owner=&after=&limit=  POST /admin/keys
//   GET  /admin/keys/{id}                  PATCH /admin/keys/{id}   DELETE /admin/keys/{id}
//   GET  /admin/usage?from=&to=&group_by=&user_id=&team_id=&key_id=   (members: their own, their teams')
//
// Every key write goes through the key directory at once (it holds on this node before
// the response goes out, on other nodes within auth.key_refresh_ms), and every change
// is written to the audit log without secrets.
#pragma once

#include <gatehouse/auth/identity_directory.hpp>
#include <gatehouse/auth/key_directory.hpp>
#include <gatehouse/auth/session_service.hpp>
#include <gatehouse/gateway/authenticator.hpp>
#include <gatehouse/http/router.hpp>
#include <gatehouse/store/store.hpp>
#include <gatehouse/store/store_clock.hpp>

#include <cstdint>
#include <functional>

namespace gatehouse::admin {

struct AdminContext {
  store::Store& store;
  auth::KeyDirectory& keys;
  auth::SessionService& sessions;                // a disabled user's sessions end
  auth::IdentityDirectory* identities = nullptr; // changed users are forgotten by its cache
  const gateway::Authenticator& authenticator;
  std::function<std::int64_t()> nowMs = store::currentTimeMs;
};

// Adds every route above to `router`. `context` (and what it refers to) must outlive it.
void addAdminRoutes(http::Router& router, const AdminContext& context);

} // namespace gatehouse::admin
