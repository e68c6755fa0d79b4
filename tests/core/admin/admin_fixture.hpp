// A gateway's admin side on a real SQLite store with the real auth services (key
// directory, identity directory, sessions), the real session-cookie step, and an
// in-memory stand-in for the api_key plugin that reads the same key directory. Requests
// go through the real router (patterns, path parameters) to the real handlers.
#pragma once

#include <gatehouse/admin/admin_api.hpp>
#include <gatehouse/admin/bootstrap_key.hpp>
#include <gatehouse/admin/session_auth_step.hpp>
#include <gatehouse/auth/api_key_secret.hpp>
#include <gatehouse/http/router.hpp>
#include <gatehouse/store/open_store.hpp>
#include <gatehouse/store/store_clock.hpp>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <gatehouse_test/fake_response_sink.hpp>
#include <map>
#include <memory>
#include <string>
#include <test_databases.hpp>
#include <utility>
#include <vector>

namespace gatehouse::admin::testing {

// What the api_key plugin decides, in memory: a Bearer or x-api-key secret looked up in
// the key directory, usable only when not revoked, disabled, expired or owned by a
// disabled user.
inline AuthOutcome authenticateByKey(const auth::KeyDirectory& keys, ClientRequest& request) {
  AuthOutcome outcome;
  std::string_view secret = request.header("x-api-key");
  const std::string_view authorization = request.header("authorization");
  if (secret.empty() && authorization.substr(0, 7) == "Bearer ")
    secret = authorization.substr(7);
  if (secret.empty())
    return outcome;
  CredentialRecord record;
  if (keys.find(secret, record) != CredentialDirectory::Lookup::Found || record.revokedAtMs != 0 ||
      record.disabled || record.ownerDisabled ||
      (record.expiresAtMs != 0 && store::currentTimeMs() >= record.expiresAtMs)) {
    outcome.verdict = GH_AUTH_DENIED;
    outcome.denyReason = "Invalid API key.";
    return outcome;
  }
  outcome.verdict = GH_AUTH_ACCEPTED;
  outcome.subject = record.owner;
  outcome.team = record.team;
  outcome.app = record.name;
  outcome.keyId = record.keyId;
  outcome.scopes = record.scopes;
  outcome.role = record.role;
  outcome.requestsPerMinute = record.requestsPerMinute;
  outcome.tokensPerMinute = record.tokensPerMinute;
  outcome.monthlyBudgetMicroUsd = record.monthlyBudgetMicroUsd;
  return outcome;
}

struct Reply {
  int status = 0;
  std::string body;
  std::map<std::string, std::string> headers;
  std::vector<std::pair<std::string, std::string>> addedHeaders;
  rapidjson::Document json;

  std::string errorCode() const {
    if (!json.IsObject() || !json.HasMember("error") || !json["error"]["code"].IsString())
      return {};
    return json["error"]["code"].GetString();
  }
  std::string errorParam() const {
    if (!json.IsObject() || !json.HasMember("error") || !json["error"]["param"].IsString())
      return {};
    return json["error"]["param"].GetString();
  }
  std::string text(const char* name) const {
    return json.IsObject() && json.HasMember(name) && json[name].IsString() ? json[name].GetString() : "";
  }
};

// Credentials a call is made with.
struct As {
  std::map<std::string, std::string> headers;
  static As key(const std::string& secret) { return As{{{"Authorization", "Bearer " + secret}}}; }
  static As session(const std::string& cookie) { return As{{{"Cookie", "gatehouse_session=" + cookie}}}; }
  static As nobody() { return As{}; }
};

class AdminFixture : public ::testing::Test {
protected:
  AdminFixture() {
    keys_.start();
    admin::addAdminRoutes(router_, context_);
    const admin::BootstrapKey bootstrap =
        admin::createBootstrapKey(*store_, "bootstrap", "root@example.test");
    adminKey_ = bootstrap.secret;
    adminId_ = bootstrap.owner.id;
    keys_.refreshOnce(); // the CLI wrote behind the directory's back, as on another node
  }

  Reply call(const std::string& method, const std::string& target, const As& as,
             const std::string& body = {}) {
    gatehouse::testing::FakeClientRequest client;
    client.methodName = method;
    client.pathName = std::string(http::pathOf(target));
    client.queryText = std::string(http::queryOf(target));
    client.headers = as.headers;
    if (!body.empty())
      client.headers["Content-Type"] = "application/json";
    gatehouse::testing::FakeResponseSink sink;
    const http::RouteMatch match = router_.match(method, client.pathName);
    EXPECT_EQ(match.kind, http::RouteMatch::Kind::Found) << method << " " << target;
    if (match.kind != http::RouteMatch::Kind::Found)
      return {};
    http::IncomingRequest request{client, body, "req-test", store::currentTimeMs(), match.params};
    match.route->handler(request, sink);
    Reply reply;
    reply.status = sink.status;
    reply.body = sink.body;
    reply.headers = sink.headers;
    reply.addedHeaders = sink.addedHeaders;
    reply.json.Parse(sink.body.c_str());
    return reply;
  }

  // A local user made through the API (as the admin).
  std::string createUser(const std::string& email, const std::string& role = "member") {
    const Reply reply = call("POST", "/admin/users", As::key(adminKey_),
                             R"({"email":")" + email + R"(","name":"Test User","role":")" + role + R"("})");
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.text("id");
  }

  std::string createTeam(const std::string& name) {
    const Reply reply = call("POST", "/admin/teams", As::key(adminKey_), R"({"name":")" + name + R"("})");
    EXPECT_EQ(reply.status, 201) << reply.body;
    return reply.text("id");
  }

  // A key made by the admin for `ownerId`; returns {id, secret}.
  std::pair<std::string, std::string> createKeyFor(const std::string& ownerId,
                                                   const std::string& extraFields = "") {
    const Reply reply = call("POST", "/admin/keys", As::key(adminKey_),
                             R"({"name":"app","owner_id":")" + ownerId + "\"" +
                                 (extraFields.empty() ? "" : "," + extraFields) + "}");
    EXPECT_EQ(reply.status, 201) << reply.body;
    return {reply.text("id"), reply.text("key")};
  }

  // What an auth plugin would say about `secret` right now, on this node.
  bool keyWorks(const std::string& secret) {
    gatehouse::testing::FakeClientRequest client;
    client.headers["Authorization"] = "Bearer " + secret;
    return authenticateByKey(keys_, client).verdict == GH_AUTH_ACCEPTED;
  }

  store::testing::TestDatabase database_{store::testing::Backend::Sqlite};
  std::unique_ptr<store::Store> store_ = store::openStore(database_.config());
  auth::KeyDirectory keys_{*store_, auth::KeyDirectoryOptions{std::chrono::milliseconds(60'000), 1000}};
  auth::IdentityDirectory identities_{*store_, auth::IdentityDirectoryOptions{}};
  auth::SessionService sessions_{*store_, auth::SessionOptions{}};
  gateway::Authenticator authenticator_{std::vector<gateway::Authenticator::Step>{
      admin::sessionAuthStep(sessions_),
      gateway::Authenticator::Step{
          "api_key", [this](ClientRequest& request) { return authenticateByKey(keys_, request); }}}};
  std::int64_t nowMs_ = store::currentTimeMs();
  admin::AdminContext context_{*store_,      keys_,          sessions_,
                               &identities_, authenticator_, [this] { return nowMs_; }};
  http::Router router_;
  std::string adminKey_;
  std::string adminId_;
};

} // namespace gatehouse::admin::testing
