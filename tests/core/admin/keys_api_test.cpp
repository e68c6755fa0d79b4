// /admin/keys: the secret shown once, hash at rest, every rule about who may do what,
// validation, and changes holding on this node at once.
#include <fstream>
#include <iterator>

#include "admin_fixture.hpp"

namespace gatehouse::admin::testing {
namespace {

class KeysApi : public AdminFixture {
protected:
  // A member with a session, a team they belong to, and a team they do not.
  void SetUp() override {
    member_ = createUser("m@example.test");
    ownTeam_ = createTeam("own");
    otherTeam_ = createTeam("other");
    ASSERT_EQ(
        call("PUT", "/admin/teams/" + ownTeam_ + "/members/" + member_, As::key(adminKey_), "{}").status,
        200);
    memberSession_ = sessions_.create(member_, "oidc");
  }

  As memberBrowser() const { return As::session(memberSession_); }

  std::string member_;
  std::string ownTeam_;
  std::string otherTeam_;
  std::string memberSession_;
};

TEST_F(KeysApi, TheSecretIsShownOnceAndOnlyItsHashIsStored) {
  const Reply created = call("POST", "/admin/keys", As::key(adminKey_), R"({"name":"ci-bot"})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string secret = created.text("key");
  const std::string id = created.text("id");
  EXPECT_TRUE(auth::looksLikeApiKey(secret)) << secret;
  EXPECT_EQ(created.text("object"), "api_key");
  EXPECT_EQ(created.text("prefix"), secret.substr(0, auth::kDisplayPrefixLength));
  EXPECT_EQ(created.text("status"), "active");
  EXPECT_EQ(created.text("owner_id"), adminId_);

  const store::ApiKey stored = *store_->apiKeys().findById(id);
  EXPECT_EQ(stored.keyHash, auth::hashApiKey(secret));
  EXPECT_EQ(created.body.find(stored.keyHash), std::string::npos); // the hash is never shown

  const Reply shown = call("GET", "/admin/keys/" + id, As::key(adminKey_));
  ASSERT_EQ(shown.status, 200);
  EXPECT_FALSE(shown.json.HasMember("key"));
  EXPECT_EQ(shown.body.find(secret), std::string::npos);
  EXPECT_EQ(shown.body.find(stored.keyHash), std::string::npos);
  const Reply listed = call("GET", "/admin/keys", As::key(adminKey_));
  EXPECT_EQ(listed.body.find(secret), std::string::npos);

  // Not in the database file either (nor the audit log in it).
  std::ifstream file(database_.config().sqlite.path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(bytes.empty());
  EXPECT_EQ(bytes.find(secret), std::string::npos);
  EXPECT_EQ(bytes.find(secret.substr(auth::kDisplayPrefixLength)), std::string::npos);
}

TEST_F(KeysApi, ANewKeyWorksOnThisNodeAtOnce) {
  const Reply created =
      call("POST", "/admin/keys", As::key(adminKey_),
           R"({"name":"app","scopes":{"models":["gpt-4o*"],"endpoints":["chat","embeddings"]},)"
           R"("limits":{"requests_per_minute":60,"tokens_per_minute":1000,"monthly_budget_usd":12.5},)"
           R"("expires_in_days":30,"team_id":")" +
               ownTeam_ + R"("})");
  ASSERT_EQ(created.status, 201) << created.body;
  CredentialRecord record;
  ASSERT_EQ(keys_.find(created.text("key"), record), CredentialDirectory::Lookup::Found);
  EXPECT_EQ(record.scopes, "model:gpt-4o* endpoint:chat endpoint:embeddings");
  EXPECT_EQ(record.requestsPerMinute, 60);
  EXPECT_EQ(record.tokensPerMinute, 1000);
  EXPECT_EQ(record.monthlyBudgetMicroUsd, 12'500'000);
  EXPECT_EQ(record.team, ownTeam_);
  EXPECT_EQ(record.role, GH_ROLE_MEMBER);
  EXPECT_NEAR(static_cast<double>(record.expiresAtMs), static_cast<double>(nowMs_ + 30LL * 86'400'000),
              1000.0);
  EXPECT_EQ(created.json["limits"]["requests_per_minute"].GetInt64(), 60);
  EXPECT_DOUBLE_EQ(created.json["limits"]["monthly_budget_usd"].GetDouble(), 12.5);
  EXPECT_EQ(created.json["scopes"]["models"][0].GetString(), std::string("gpt-4o*"));
  EXPECT_EQ(created.json["expires_at"].GetInt64(), (nowMs_ + 30LL * 86'400'000) / 1000);
}

TEST_F(KeysApi, CreateBodiesAreValidatedFieldByField) {
  const struct {
    std::string body;
    std::string param;
    std::string code;
  } cases[] = {
      {R"({})", "name", "missing_required_parameter"},
      {R"({"name":""})", "name", "invalid_value"},
      {R"({"name":7})", "name", "invalid_type"},
      {R"({"name":"x","colour":"red"})", "colour", "unknown_parameter"},
      {R"({"name":"x","scopes":{"models":["a"],"tools":[]}})", "scopes.tools", "unknown_parameter"},
      {R"({"name":"x","scopes":{"models":["gpt 4"]}})", "scopes.models[0]", "invalid_value"},
      {R"({"name":"x","scopes":{"models":["ok","gpt-[45]"]}})", "scopes.models[1]", "invalid_value"},
      {R"({"name":"x","scopes":{"models":["a**"]}})", "scopes.models[0]", "invalid_value"},
      {R"({"name":"x","scopes":{"models":[""]}})", "scopes.models[0]", "invalid_value"},
      {R"({"name":"x","scopes":{"models":[1]}})", "scopes.models[0]", "invalid_type"},
      {R"({"name":"x","scopes":{"endpoints":["chat","files"]}})", "scopes.endpoints[1]", "invalid_value"},
      {R"({"name":"x","scopes":"chat"})", "scopes", "invalid_type"},
      {R"({"name":"x","limits":{"requests_per_minute":0}})", "limits.requests_per_minute", "invalid_value"},
      {R"({"name":"x","limits":{"tokens_per_minute":-5}})", "limits.tokens_per_minute", "invalid_value"},
      {R"({"name":"x","limits":{"requests_per_minute":1.5}})", "limits.requests_per_minute", "invalid_value"},
      {R"({"name":"x","limits":{"requests_per_minute":"60"}})", "limits.requests_per_minute", "invalid_type"},
      {R"({"name":"x","limits":{"monthly_budget_usd":0}})", "limits.monthly_budget_usd", "invalid_value"},
      {R"({"name":"x","limits":{"burst":3}})", "limits.burst", "unknown_parameter"},
      {R"({"name":"x","expires_at":1000})", "expires_at", "invalid_value"},
      {R"({"name":"x","expires_at":4102444800,"expires_in_days":3})", "expires_in_days", "invalid_value"},
      {R"({"name":"x","expires_in_days":0})", "expires_in_days", "invalid_value"},
      {R"({"name":"x","role":"owner"})", "role", "invalid_value"},
  };
  for (const auto& test : cases) {
    const Reply reply = call("POST", "/admin/keys", As::key(adminKey_), test.body);
    EXPECT_EQ(reply.status, 400) << test.body << " -> " << reply.body;
    EXPECT_EQ(reply.errorParam(), test.param) << test.body;
    EXPECT_EQ(reply.errorCode(), test.code) << test.body;
    EXPECT_EQ(std::string(reply.json["error"]["type"].GetString()), "invalid_request_error");
  }
  EXPECT_TRUE(store_->apiKeys().listByOwner(adminId_).size() == 1u); // only the bootstrap key
}

TEST_F(KeysApi, ReferencesMustExist) {
  EXPECT_EQ(call("POST", "/admin/keys", As::key(adminKey_), R"({"name":"x","team_id":"nope"})").errorCode(),
            "team_not_found");
  const Reply owner = call("POST", "/admin/keys", As::key(adminKey_), R"({"name":"x","owner_id":"nope"})");
  EXPECT_EQ(owner.status, 404);
  EXPECT_EQ(owner.errorParam(), "owner_id");
  ASSERT_EQ(call("PATCH", "/admin/users/" + member_, As::key(adminKey_), R"({"disabled":true})").status, 200);
  EXPECT_EQ(call("POST", "/admin/keys", As::key(adminKey_), R"({"name":"x","owner_id":")" + member_ + "\"}")
                .errorCode(),
            "user_disabled");
}

TEST_F(KeysApi, AdminKeysAreForAdministratorsOnly) {
  const Reply forMember = call("POST", "/admin/keys", As::key(adminKey_),
                               R"({"name":"x","role":"admin","owner_id":")" + member_ + "\"}");
  EXPECT_EQ(forMember.status, 400);
  EXPECT_EQ(forMember.errorParam(), "role");
  const Reply byMember = call("POST", "/admin/keys", memberBrowser(), R"({"name":"x","role":"admin"})");
  EXPECT_EQ(byMember.status, 403);
  EXPECT_EQ(byMember.errorParam(), "role");
  const Reply own = call("POST", "/admin/keys", As::key(adminKey_), R"({"name":"x","role":"admin"})");
  ASSERT_EQ(own.status, 201);
  EXPECT_EQ(own.text("role"), "admin");
}

TEST_F(KeysApi, MembersCreateKeysForThemselvesAndTheirTeamsOnly) {
  const Reply own =
      call("POST", "/admin/keys", memberBrowser(), R"({"name":"mine","team_id":")" + ownTeam_ + "\"}");
  ASSERT_EQ(own.status, 201) << own.body;
  EXPECT_EQ(own.text("owner_id"), member_);
  EXPECT_EQ(own.text("role"), "member");
  EXPECT_TRUE(keyWorks(own.text("key")));

  const Reply otherTeam =
      call("POST", "/admin/keys", memberBrowser(), R"({"name":"x","team_id":")" + otherTeam_ + "\"}");
  EXPECT_EQ(otherTeam.status, 403);
  EXPECT_EQ(otherTeam.errorCode(), "not_team_member");
  const Reply forSomeoneElse =
      call("POST", "/admin/keys", memberBrowser(), R"({"name":"x","owner_id":")" + adminId_ + "\"}");
  EXPECT_EQ(forSomeoneElse.status, 403);
  EXPECT_EQ(forSomeoneElse.errorParam(), "owner_id");
  // Naming themselves is fine.
  EXPECT_EQ(
      call("POST", "/admin/keys", memberBrowser(), R"({"name":"x","owner_id":")" + member_ + "\"}").status,
      201);
}

TEST_F(KeysApi, AMemberKeyCannotMintWiderKeys) {
  const auto [keyId, scoped] = createKeyFor(
      member_,
      R"("scopes":{"models":["gpt-4o*","claude-*"],"endpoints":["chat"]},"limits":{"requests_per_minute":100})");
  const As withScopedKey = As::key(scoped);
  const struct {
    std::string body;
    int status;
    std::string code;
  } cases[] = {
      {R"({"name":"a","scopes":{"models":["gpt-4o-mini*"],"endpoints":["chat"]},"limits":{"requests_per_minute":10}})",
       201, ""},
      {R"({"name":"b","scopes":{"models":["claude-3"],"endpoints":["chat"]},"limits":{"requests_per_minute":100}})",
       201, ""},
      {R"({"name":"c","scopes":{"endpoints":["chat"]},"limits":{"requests_per_minute":10}})", 403,
       "scope_too_wide"},
      {R"({"name":"d","scopes":{"models":["gpt-*"],"endpoints":["chat"]},"limits":{"requests_per_minute":10}})",
       403, "scope_too_wide"},
      {R"({"name":"e","scopes":{"models":["gpt-4o"],"endpoints":["chat","embeddings"]},"limits":{"requests_per_minute":1}})",
       403, "scope_too_wide"},
      {R"({"name":"f","scopes":{"models":["gpt-4o"]},"limits":{"requests_per_minute":1}})", 403,
       "scope_too_wide"},
      {R"({"name":"g","scopes":{"models":["gpt-4o"],"endpoints":["chat"]}})", 403, "limit_too_high"},
      {R"({"name":"h","scopes":{"models":["gpt-4o"],"endpoints":["chat"]},"limits":{"requests_per_minute":101}})",
       403, "limit_too_high"},
  };
  for (const auto& test : cases) {
    const Reply reply = call("POST", "/admin/keys", withScopedKey, test.body);
    EXPECT_EQ(reply.status, test.status) << test.body << " -> " << reply.body;
    EXPECT_EQ(reply.errorCode(), test.code) << test.body;
  }
  // A session (no scopes, no limits) may give any scopes.
  EXPECT_EQ(call("POST", "/admin/keys", memberBrowser(), R"({"name":"i"})").status, 201);
}

TEST_F(KeysApi, MembersListAndSeeOnlyTheirOwnKeys) {
  const auto [memberKeyId, memberSecret] = createKeyFor(member_);
  const auto [otherKeyId, otherSecret] = createKeyFor(adminId_);

  const Reply mine = call("GET", "/admin/keys", memberBrowser());
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(mine.json["data"].Size(), 1u);
  EXPECT_EQ(std::string(mine.json["data"][0]["id"].GetString()), memberKeyId);
  EXPECT_EQ(call("GET", "/admin/keys?owner=" + adminId_, memberBrowser()).status, 403);
  EXPECT_EQ(call("GET", "/admin/keys/" + memberKeyId, memberBrowser()).status, 200);
  // Someone else's key looks exactly like no key at all.
  const Reply hidden = call("GET", "/admin/keys/" + otherKeyId, memberBrowser());
  const Reply missing = call("GET", "/admin/keys/nope", memberBrowser());
  EXPECT_EQ(hidden.status, 404);
  EXPECT_EQ(hidden.body, missing.body);
  EXPECT_EQ(call("PATCH", "/admin/keys/" + otherKeyId, memberBrowser(), R"({"name":"x"})").status, 404);
  EXPECT_EQ(call("DELETE", "/admin/keys/" + otherKeyId, memberBrowser()).status, 404);
  EXPECT_TRUE(keyWorks(otherSecret));
}

TEST_F(KeysApi, AdminsListEveryKeyByPageOrByOwner) {
  createKeyFor(member_);
  createKeyFor(member_);
  const Reply all = call("GET", "/admin/keys?limit=2", As::key(adminKey_));
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.json["data"].Size(), 2u);
  EXPECT_TRUE(all.json["has_more"].GetBool());
  const Reply rest = call("GET", "/admin/keys?limit=2&after=" + all.text("last_id"), As::key(adminKey_));
  EXPECT_EQ(rest.json["data"].Size(), 1u);
  EXPECT_FALSE(rest.json["has_more"].GetBool());
  const Reply owned = call("GET", "/admin/keys?owner=" + member_, As::key(adminKey_));
  EXPECT_EQ(owned.json["data"].Size(), 2u);
}

TEST_F(KeysApi, AdminChangesHoldAtOnce) {
  const auto [id, secret] = createKeyFor(member_);
  const Reply changed =
      call("PATCH", "/admin/keys/" + id, As::key(adminKey_),
           R"({"name":"renamed","scopes":{"models":["claude-*"]},"limits":{"tokens_per_minute":500},)"
           R"("expires_at":4102444800})");
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_EQ(changed.text("name"), "renamed");
  EXPECT_EQ(changed.json["expires_at"].GetInt64(), 4102444800);
  CredentialRecord record;
  ASSERT_EQ(keys_.find(secret, record), CredentialDirectory::Lookup::Found);
  EXPECT_EQ(record.name, "renamed");
  EXPECT_EQ(record.scopes, "model:claude-*");
  EXPECT_EQ(record.tokensPerMinute, 500);
  EXPECT_EQ(record.expiresAtMs, 4102444800000);

  // Lists not given keep their value; null removes a limit or the expiry.
  ASSERT_EQ(call("PATCH", "/admin/keys/" + id, As::key(adminKey_),
                 R"({"scopes":{"endpoints":["chat"]},"limits":{"tokens_per_minute":null},"expires_at":null})")
                .status,
            200);
  ASSERT_EQ(keys_.find(secret, record), CredentialDirectory::Lookup::Found);
  EXPECT_EQ(record.scopes, "model:claude-* endpoint:chat");
  EXPECT_EQ(record.tokensPerMinute, 0);
  EXPECT_EQ(record.expiresAtMs, 0);

  ASSERT_EQ(call("PATCH", "/admin/keys/" + id, As::key(adminKey_), R"({"disabled":true})").status, 200);
  EXPECT_FALSE(keyWorks(secret));
  const Reply enabled = call("PATCH", "/admin/keys/" + id, As::key(adminKey_), R"({"disabled":false})");
  EXPECT_EQ(enabled.text("status"), "active");
  EXPECT_TRUE(keyWorks(secret));
}

TEST_F(KeysApi, MembersMayOnlyRenameOrSwitchOffTheirKeys) {
  const Reply own = call("POST", "/admin/keys", memberBrowser(), R"({"name":"mine"})");
  const std::string id = own.text("id");
  const std::string secret = own.text("key");
  const Reply renamed =
      call("PATCH", "/admin/keys/" + id, memberBrowser(), R"({"name":"laptop","disabled":true})");
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.text("status"), "disabled");
  EXPECT_FALSE(keyWorks(secret));
  for (const std::string body : {R"({"scopes":{"models":["x"]}})", R"({"limits":{"requests_per_minute":5}})",
                                 R"({"expires_at":4102444800})"}) {
    const Reply refused = call("PATCH", "/admin/keys/" + id, memberBrowser(), body);
    EXPECT_EQ(refused.status, 403) << body;
    EXPECT_EQ(refused.errorCode(), "admin_required") << body;
  }
}

TEST_F(KeysApi, PatchBodiesAreValidated) {
  const auto [id, secret] = createKeyFor(member_);
  EXPECT_EQ(call("PATCH", "/admin/keys/" + id, As::key(adminKey_), R"({"owner_id":"x"})").errorCode(),
            "unknown_parameter");
  EXPECT_EQ(call("PATCH", "/admin/keys/" + id, As::key(adminKey_), R"({"expires_at":5})").errorParam(),
            "expires_at");
  EXPECT_EQ(call("PATCH", "/admin/keys/" + id, As::key(adminKey_), R"({"disabled":"yes"})").errorCode(),
            "invalid_type");
  EXPECT_EQ(call("PATCH", "/admin/keys/" + id, As::key(adminKey_), R"({"name":null})").errorParam(), "name");
  EXPECT_EQ(call("PATCH", "/admin/keys/" + id, As::key(adminKey_), R"({"limits":{"requests_per_minute":0}})")
                .errorParam(),
            "limits.requests_per_minute");
  EXPECT_EQ(call("PATCH", "/admin/keys/nope", As::key(adminKey_), R"({"name":"x"})").errorCode(),
            "key_not_found");
}

TEST_F(KeysApi, RevocationHoldsAtOnceAndIsFinal) {
  const Reply own = call("POST", "/admin/keys", memberBrowser(), R"({"name":"mine"})");
  const std::string id = own.text("id");
  ASSERT_TRUE(keyWorks(own.text("key")));
  const Reply revoked = call("DELETE", "/admin/keys/" + id, memberBrowser());
  ASSERT_EQ(revoked.status, 200) << revoked.body;
  EXPECT_EQ(revoked.text("status"), "revoked");
  EXPECT_TRUE(revoked.json["revoked_at"].IsInt64());
  EXPECT_FALSE(keyWorks(own.text("key")));
  EXPECT_EQ(call("DELETE", "/admin/keys/" + id, memberBrowser()).status, 200); // twice is fine
  const Reply change = call("PATCH", "/admin/keys/" + id, As::key(adminKey_), R"({"disabled":false})");
  EXPECT_EQ(change.status, 409);
  EXPECT_EQ(change.errorCode(), "key_revoked");
  EXPECT_FALSE(keyWorks(own.text("key")));
}

TEST_F(KeysApi, StatusShowsExpiry) {
  const auto [id, secret] = createKeyFor(member_, R"("expires_in_days":1)");
  nowMs_ += 2LL * 86'400'000;
  EXPECT_EQ(call("GET", "/admin/keys/" + id, As::key(adminKey_)).text("status"), "expired");
}

TEST_F(KeysApi, KeyChangesAreAuditedWithoutSecrets) {
  const Reply created = call("POST", "/admin/keys", memberBrowser(), R"({"name":"audited"})");
  const std::string id = created.text("id");
  ASSERT_EQ(call("PATCH", "/admin/keys/" + id, memberBrowser(), R"({"name":"audited-2"})").status, 200);
  ASSERT_EQ(call("DELETE", "/admin/keys/" + id, As::key(adminKey_)).status, 200);
  const auto byMember = store_->audit().list(store::AuditQuery{0, 10, member_, ""});
  ASSERT_EQ(byMember.size(), 2u);
  EXPECT_EQ(byMember[0].action, "api_key.update");
  EXPECT_EQ(byMember[0].detailJson, R"({"name":"audited-2"})");
  EXPECT_EQ(byMember[1].action, "api_key.create");
  EXPECT_EQ(byMember[1].targetId, id);
  const auto byAdmin = store_->audit().list(store::AuditQuery{0, 1, adminId_, ""});
  ASSERT_EQ(byAdmin.size(), 1u);
  EXPECT_EQ(byAdmin[0].action, "api_key.revoke");
  const std::string secret = created.text("key");
  const std::string hash = auth::hashApiKey(secret);
  for (const auto& entry : store_->audit().list(store::AuditQuery{0, 100, "", ""})) {
    EXPECT_EQ(entry.detailJson.find(secret.substr(auth::kDisplayPrefixLength)), std::string::npos);
    EXPECT_EQ(entry.detailJson.find(hash), std::string::npos);
  }
}

} // namespace
} // namespace gatehouse::admin::testing
