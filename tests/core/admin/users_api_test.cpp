// GET /admin/me and /admin/users: who is calling, and user administration.
#include "admin_fixture.hpp"

namespace gatehouse::admin::testing {
namespace {

class UsersApi : public AdminFixture {};

TEST_F(UsersApi, MeDescribesTheCallingKeysPrincipal) {
  const Reply me = call("GET", "/admin/me", As::key(adminKey_));
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.text("object"), "principal");
  EXPECT_EQ(me.text("role"), "admin");
  EXPECT_EQ(std::string(me.json["user"]["id"].GetString()), adminId_);
  EXPECT_EQ(std::string(me.json["user"]["email"].GetString()), "root@example.test");
  EXPECT_TRUE(me.json["key_id"].IsString());
  EXPECT_EQ(std::string(me.json["app"].GetString()), "bootstrap");
  EXPECT_TRUE(me.json["scopes"]["models"].Empty());
  EXPECT_TRUE(me.json["limits"]["requests_per_minute"].IsNull());
  EXPECT_EQ(me.headers.at("Cache-Control"), "no-store");
}

TEST_F(UsersApi, MeForAMembersSessionListsTheirTeams) {
  const std::string member = createUser("m@example.test");
  const std::string team = createTeam("research");
  ASSERT_EQ(call("PUT", "/admin/teams/" + team + "/members/" + member, As::key(adminKey_), "{}").status, 200);
  const std::string cookie = sessions_.create(member, "oidc");
  const Reply me = call("GET", "/admin/me", As::session(cookie));
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(me.text("role"), "member");
  EXPECT_TRUE(me.json["key_id"].IsNull());
  ASSERT_EQ(me.json["teams"].Size(), 1u);
  EXPECT_EQ(std::string(me.json["teams"][0]["name"].GetString()), "research");
  EXPECT_EQ(std::string(me.json["team_id"].GetString()), team);
}

TEST_F(UsersApi, EveryRouteNeedsCredentials) {
  const struct {
    const char* method;
    const char* target;
  } routes[] = {{"GET", "/admin/me"},
                {"GET", "/admin/users"},
                {"POST", "/admin/users"},
                {"GET", "/admin/users/u1"},
                {"PATCH", "/admin/users/u1"},
                {"GET", "/admin/teams"},
                {"POST", "/admin/teams"},
                {"GET", "/admin/teams/t1"},
                {"GET", "/admin/teams/t1/members"},
                {"PUT", "/admin/teams/t1/members/u1"},
                {"DELETE", "/admin/teams/t1/members/u1"},
                {"GET", "/admin/keys"},
                {"POST", "/admin/keys"},
                {"GET", "/admin/keys/k1"},
                {"PATCH", "/admin/keys/k1"},
                {"DELETE", "/admin/keys/k1"}};
  for (const auto& route : routes) {
    const Reply reply = call(route.method, route.target, As::nobody(), "{}");
    EXPECT_EQ(reply.status, 401) << route.method << " " << route.target;
    EXPECT_EQ(reply.errorCode(), "missing_credentials") << route.method << " " << route.target;
  }
}

TEST_F(UsersApi, BadKeysAndEndedSessionsAre401) {
  EXPECT_EQ(call("GET", "/admin/me", As::key("ghk_" + std::string(43, 'A'))).status, 401);
  const std::string cookie = sessions_.create(adminId_, "oidc");
  EXPECT_EQ(call("GET", "/admin/me", As::session(cookie)).status, 200);
  sessions_.end(cookie);
  const Reply ended = call("GET", "/admin/me", As::session(cookie));
  EXPECT_EQ(ended.status, 401);
  EXPECT_EQ(ended.errorCode(), "invalid_credentials");
  // The session cookie decides alone: a valid key next to a dead cookie does not help.
  As both = As::session(cookie);
  both.headers["Authorization"] = "Bearer " + adminKey_;
  EXPECT_EQ(call("GET", "/admin/me", both).status, 401);
}

TEST_F(UsersApi, MembersGet403OnEveryAdminOnlyRoute) {
  const std::string member = createUser("m@example.test");
  const auto [keyId, secret] = createKeyFor(member);
  const struct {
    const char* method;
    const char* target;
  } routes[] = {{"GET", "/admin/users"},
                {"POST", "/admin/users"},
                {"GET", "/admin/users/u1"},
                {"PATCH", "/admin/users/u1"},
                {"GET", "/admin/teams"},
                {"POST", "/admin/teams"},
                {"GET", "/admin/teams/t1"},
                {"GET", "/admin/teams/t1/members"},
                {"PUT", "/admin/teams/t1/members/u1"},
                {"DELETE", "/admin/teams/t1/members/u1"}};
  for (const auto& route : routes) {
    const Reply reply = call(route.method, route.target, As::key(secret), "{}");
    EXPECT_EQ(reply.status, 403) << route.method << " " << route.target;
    EXPECT_EQ(reply.errorCode(), "admin_required") << route.method << " " << route.target;
  }
  EXPECT_EQ(call("GET", "/admin/me", As::key(secret)).status, 200);
}

TEST_F(UsersApi, AdminCreatesShowsAndPagesUsers) {
  const Reply created = call("POST", "/admin/users", As::key(adminKey_),
                             R"({"email":"ann@example.test","name":"Ann","role":"admin"})");
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.text("object"), "user");
  EXPECT_EQ(created.text("email"), "ann@example.test");
  EXPECT_EQ(created.text("role"), "admin");
  EXPECT_TRUE(created.json["external_subject"].IsNull());
  const std::string ann = created.text("id");
  createUser("bob@example.test");

  const Reply shown = call("GET", "/admin/users/" + ann, As::key(adminKey_));
  ASSERT_EQ(shown.status, 200);
  EXPECT_EQ(shown.text("name"), "Ann");
  EXPECT_TRUE(shown.json["teams"].IsArray());

  // Three users (root, ann, bob), two pages of two.
  const Reply first = call("GET", "/admin/users?limit=2", As::key(adminKey_));
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.text("object"), "list");
  ASSERT_EQ(first.json["data"].Size(), 2u);
  EXPECT_TRUE(first.json["has_more"].GetBool());
  const Reply second = call("GET", "/admin/users?limit=2&after=" + first.text("last_id"), As::key(adminKey_));
  ASSERT_EQ(second.json["data"].Size(), 1u);
  EXPECT_FALSE(second.json["has_more"].GetBool());
  EXPECT_NE(std::string(second.json["data"][0]["id"].GetString()), first.text("last_id"));

  EXPECT_EQ(call("GET", "/admin/users/nope", As::key(adminKey_)).errorCode(), "user_not_found");
}

TEST_F(UsersApi, UserBodiesAndPagingAreValidated) {
  const struct {
    const char* body;
    const char* param;
    const char* code;
  } cases[] = {
      {R"({"email":"a@b.c","nickname":"x"})", "nickname", "unknown_parameter"},
      {R"({"name":"x"})", "email", "missing_required_parameter"},
      {R"({"email":"not-an-email"})", "email", "invalid_value"},
      {R"({"email":42})", "email", "invalid_type"},
      {R"({"email":"a@b.c","role":"owner"})", "role", "invalid_value"},
      {R"({"email":"a@b.c","name":"line\nbreak"})", "name", "invalid_value"},
  };
  for (const auto& test : cases) {
    const Reply reply = call("POST", "/admin/users", As::key(adminKey_), test.body);
    EXPECT_EQ(reply.status, 400) << test.body;
    EXPECT_EQ(reply.errorParam(), test.param) << test.body;
    EXPECT_EQ(reply.errorCode(), test.code) << test.body;
  }
  EXPECT_EQ(call("POST", "/admin/users", As::key(adminKey_), "[1]").errorCode(), "invalid_request_body");
  EXPECT_EQ(call("POST", "/admin/users", As::key(adminKey_), "{").errorCode(), "invalid_json");
  for (const char* query : {"limit=0", "limit=101", "limit=x", "limit=5x", "after=%zz"}) {
    const Reply reply = call("GET", std::string("/admin/users?") + query, As::key(adminKey_));
    EXPECT_EQ(reply.status, 400) << query;
  }
}

TEST_F(UsersApi, DisablingAUserEndsTheirSessionsAndStopsTheirKeysAtOnce) {
  const std::string member = createUser("m@example.test");
  const auto [keyId, secret] = createKeyFor(member);
  const std::string cookie = sessions_.create(member, "oidc");
  ASSERT_TRUE(keyWorks(secret));
  ASSERT_EQ(call("GET", "/admin/me", As::session(cookie)).status, 200);

  const Reply disabled = call("PATCH", "/admin/users/" + member, As::key(adminKey_), R"({"disabled":true})");
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_TRUE(disabled.json["disabled"].GetBool());
  // No refresh, no cache expiry: this node already knows.
  EXPECT_FALSE(keyWorks(secret));
  EXPECT_EQ(call("GET", "/admin/me", As::session(cookie)).status, 401);
  EXPECT_EQ(call("GET", "/admin/me", As::key(secret)).status, 401);

  ASSERT_EQ(call("PATCH", "/admin/users/" + member, As::key(adminKey_), R"({"disabled":false})").status, 200);
  EXPECT_TRUE(keyWorks(secret));
  EXPECT_EQ(call("GET", "/admin/me", As::session(cookie)).status, 401); // ended sessions stay ended
}

TEST_F(UsersApi, RenamesAndChangesRoles) {
  const std::string member = createUser("m@example.test");
  const Reply changed =
      call("PATCH", "/admin/users/" + member, As::key(adminKey_), R"({"name":"Mia","role":"admin"})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.text("name"), "Mia");
  EXPECT_EQ(changed.text("role"), "admin");
  EXPECT_EQ(store_->users().findById(member)->role, store::Role::Admin);
  EXPECT_EQ(call("PATCH", "/admin/users/" + member, As::key(adminKey_), R"({"email":"x@y.z"})").errorCode(),
            "unknown_parameter");
  EXPECT_EQ(call("PATCH", "/admin/users/nope", As::key(adminKey_), R"({"name":"x"})").status, 404);
}

TEST_F(UsersApi, AdminsCannotLockThemselvesOut) {
  for (const char* body : {R"({"disabled":true})", R"({"role":"member"})"}) {
    const Reply reply = call("PATCH", "/admin/users/" + adminId_, As::key(adminKey_), body);
    EXPECT_EQ(reply.status, 400) << body;
    EXPECT_EQ(reply.errorCode(), "cannot_modify_self") << body;
  }
  EXPECT_FALSE(store_->users().findById(adminId_)->disabled);
}

TEST_F(UsersApi, DemotingSomeoneWithLiveAdminKeysIsRefused) {
  const std::string other = createUser("other-admin@example.test", "admin");
  const auto [keyId, secret] = createKeyFor(other, R"("role":"admin")");
  const Reply refused = call("PATCH", "/admin/users/" + other, As::key(adminKey_), R"({"role":"member"})");
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.errorCode(), "user_has_admin_keys");
  ASSERT_EQ(call("DELETE", "/admin/keys/" + keyId, As::key(adminKey_)).status, 200);
  EXPECT_EQ(call("PATCH", "/admin/users/" + other, As::key(adminKey_), R"({"role":"member"})").status, 200);
}

TEST_F(UsersApi, UserChangesAreAudited) {
  const std::string member = createUser("m@example.test");
  ASSERT_EQ(call("PATCH", "/admin/users/" + member, As::key(adminKey_), R"({"disabled":true})").status, 200);
  const auto entries = store_->audit().list(store::AuditQuery{0, 10, adminId_, ""});
  ASSERT_GE(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "user.update");
  EXPECT_EQ(entries[0].targetId, member);
  EXPECT_NE(entries[0].detailJson.find("\"disabled\":true"), std::string::npos);
  EXPECT_EQ(entries[1].action, "user.create");
}

} // namespace
} // namespace gatehouse::admin::testing
