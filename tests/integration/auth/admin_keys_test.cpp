// Keys made through the admin API: the secret is shown in the one response that creates it,
// never again, and stored only as its SHA-256; the three headers a client may carry it in;
// refusals that do not tell a revoked key from one that never existed.
#include <regex>

#include "key_gateway.hpp"

namespace gatehouse::testing {
namespace {

class AdminKeys : public KeyGatewayTest {};

TEST_F(AdminKeys, TheSecretIsShownOnceAndStoredOnlyAsItsHash) {
  const RawResponse created = gateway_->request("POST", "/admin/keys", adminKey_,
                                                R"({"name": "billing-service", "expires_in_days": 30})");
  ASSERT_EQ(created.status, 201) << created.body;
  const rapidjson::Document record = parseBody(created.body);
  const std::string id = memberText(record, "id");
  const std::string key = memberText(record, "key");
  ASSERT_FALSE(id.empty()) << created.body;
  ASSERT_TRUE(std::regex_match(key, std::regex("ghk_[A-Za-z0-9_-]{43}"))) << created.body;
  const std::string hash = sha256Hex(key);
  EXPECT_EQ(created.body.find(hash), std::string::npos) << "the create response shows the hash";

  const RawResponse one = gateway_->request("GET", "/admin/keys/" + id, adminKey_);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_NE(one.body.find("billing-service"), std::string::npos) << one.body;
  EXPECT_EQ(one.body.find(key), std::string::npos) << "GET shows the secret";
  EXPECT_EQ(one.body.find(key.substr(4)), std::string::npos) << "GET shows the secret without its prefix";
  EXPECT_EQ(one.body.find(hash), std::string::npos) << "GET shows the hash";
  EXPECT_FALSE(parseBody(one.body).HasMember("key")) << one.body;

  const RawResponse all = gateway_->request("GET", "/admin/keys", adminKey_);
  ASSERT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(all.body.find(key), std::string::npos);
  EXPECT_EQ(all.body.find(hash), std::string::npos);

  ASSERT_EQ(gateway_->chat(key).status, 200);

  // At rest: the hash is there (in the database or its write-ahead log), the secret nowhere.
  const std::string stored = fileBytes(config_.sqlitePath) + fileBytes(config_.sqlitePath + "-wal");
  EXPECT_NE(stored.find(hash), std::string::npos) << "the key's SHA-256 is not in the store";
  EXPECT_EQ(stored.find(key), std::string::npos) << "the secret is stored in clear";
  EXPECT_EQ(stored.find(key.substr(12)), std::string::npos) << "most of the secret is stored in clear";
  EXPECT_EQ(stored.find(adminKey_), std::string::npos) << "the bootstrap key is stored in clear";
  EXPECT_EQ(gateway_->process().output().find(key), std::string::npos) << "the key reached the log";
}

TEST_F(AdminKeys, AKeyIsAcceptedInEachOfTheThreeHeaders) {
  const auto [id, key] = createKey(R"({"name": "headers"})");
  ASSERT_FALSE(key.empty());
  const std::string body = chatBody();
  for (const char* header : {"Authorization", "x-api-key", "x-goog-api-key"}) {
    const std::string value = std::string(header) == "Authorization" ? "Bearer " + key : key;
    const RawResponse response = gateway_->request("POST", "/v1/chat/completions", "", body, {{header, value}});
    EXPECT_EQ(response.status, 200) << header << ": " << response.body;
  }
  // Two different keys in one request: refused rather than guessing which one counts.
  const RawResponse both = gateway_->request("POST", "/v1/chat/completions", key, body, {{"x-api-key", adminKey_}});
  expectOpenAiError(both, 401);
}

TEST_F(AdminKeys, MissingAndWrongKeysGet401InTheOpenAiShape) {
  expectOpenAiError(gateway_->chat(""), 401);
  const std::string wrong = "ghk_" + std::string(43, 'A');
  const RawResponse response = gateway_->chat(wrong);
  expectOpenAiError(response, 401);
  EXPECT_EQ(response.body.find(wrong), std::string::npos) << "the refusal echoes the key";
}

TEST_F(AdminKeys, ARevokedKeyGetsExactlyTheAnswerOfAKeyThatNeverExisted) {
  const auto [id, key] = createKey(R"({"name": "to-revoke"})");
  ASSERT_EQ(gateway_->chat(key).status, 200);
  const RawResponse revoked = gateway_->request("DELETE", "/admin/keys/" + id, adminKey_);
  ASSERT_TRUE(revoked.status == 200 || revoked.status == 204) << revoked.status << " " << revoked.body;

  // This node made the change: it holds at once.
  const RawResponse afterRevoke = gateway_->chat(key);
  expectOpenAiError(afterRevoke, 401);
  // Same length, same alphabet, never issued.
  std::string unknown = key;
  unknown[10] = unknown[10] == 'A' ? 'B' : 'A';
  const RawResponse never = gateway_->chat(unknown);
  expectOpenAiError(never, 401);
  EXPECT_EQ(afterRevoke.body, never.body);
  EXPECT_EQ(afterRevoke.header("www-authenticate"), never.header("www-authenticate"));

  // Revoking is final: the key cannot be enabled again.
  gateway_->request("PATCH", "/admin/keys/" + id, adminKey_, R"({"disabled": false})");
  expectOpenAiError(gateway_->chat(key), 401);
}

TEST_F(AdminKeys, ADisabledKeyIsRefusedUntilItIsEnabledAgain) {
  const auto [id, key] = createKey(R"({"name": "paused"})");
  ASSERT_EQ(gateway_->request("PATCH", "/admin/keys/" + id, adminKey_, R"({"disabled": true})").status, 200);
  const RawResponse refused = gateway_->chat(key);
  expectOpenAiError(refused, 401);
  EXPECT_EQ(refused.body, gateway_->chat("ghk_" + std::string(43, 'Z')).body);
  ASSERT_EQ(gateway_->request("PATCH", "/admin/keys/" + id, adminKey_, R"({"disabled": false})").status, 200);
  EXPECT_EQ(gateway_->chat(key).status, 200);
}

TEST_F(AdminKeys, AMemberKeyCallsModelsButNotTheAdminApi) {
  const auto [id, key] = createKey(R"({"name": "app", "role": "member"})");
  ASSERT_FALSE(key.empty());
  EXPECT_EQ(gateway_->chat(key).status, 200);
  const RawResponse me = gateway_->request("GET", "/admin/me", key);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(memberText(parseBody(me.body), "role"), "member") << me.body;
  expectOpenAiError(gateway_->request("GET", "/admin/users", key), 403);
  // A member cannot mint an admin key.
  const RawResponse escalate = gateway_->request("POST", "/admin/keys", key, R"({"name": "x", "role": "admin"})");
  EXPECT_EQ(escalate.status, 403) << escalate.body;
}

TEST_F(AdminKeys, DisablingAUserStopsTheirKeysAtOnce) {
  const RawResponse user = gateway_->request("POST", "/admin/users", adminKey_,
                                             R"({"email": "carol@example.test", "name": "Carol", "role": "member"})");
  ASSERT_EQ(user.status, 201) << user.body;
  const std::string userId = memberText(parseBody(user.body), "id");
  const auto [id, key] = createKey(R"({"name": "carols-app", "owner_id": ")" + userId + R"("})");
  ASSERT_FALSE(key.empty());
  ASSERT_EQ(gateway_->chat(key).status, 200);

  const RawResponse disabled =
      gateway_->request("PATCH", "/admin/users/" + userId, adminKey_, R"({"disabled": true})");
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  const RawResponse refused = gateway_->chat(key);
  expectOpenAiError(refused, 401);
  EXPECT_EQ(refused.body, gateway_->chat("ghk_" + std::string(43, 'C')).body);
}

} // namespace
} // namespace gatehouse::testing
