// What a key may do: model scopes (globs over the public model name the client sends),
// endpoint scopes, changes to them holding at once on this node, and expiry.
#include <thread>

#include "key_gateway.hpp"

namespace gatehouse::testing {
namespace {

using namespace std::chrono_literals;

class KeyScopes : public KeyGatewayTest {};

std::vector<std::string> listedModels(const RawResponse& response) {
  std::vector<std::string> ids;
  const rapidjson::Document document = parseBody(response.body);
  if (document.IsObject() && document.HasMember("data") && document["data"].IsArray()) {
    for (const auto& model : document["data"].GetArray())
      ids.push_back(memberText(model, "id"));
  }
  return ids;
}

TEST_F(KeyScopes, AModelScopeAllowsOnlyTheModelsItsGlobMatches) {
  const auto [id, key] = createKey(R"({"name": "echo-only", "scopes": {"models": ["mock-*"]}})");
  ASSERT_FALSE(key.empty());
  EXPECT_EQ(gateway_->chat(key, "mock-echo").status, 200);

  const std::string message = expectOpenAiError(gateway_->chat(key, "other-echo"), 403, "model_not_allowed");
  EXPECT_NE(message.find("other-echo"), std::string::npos) << message;
  EXPECT_EQ(message.find("mock-*"), std::string::npos) << "the refusal shows the key's scopes: " << message;
  // Scopes apply to the name the client sent: an alias of an allowed model is another name.
  expectOpenAiError(gateway_->chat(key, "gpt-4o-mock"), 403, "model_not_allowed");

  const RawResponse models = gateway_->request("GET", "/v1/models", key);
  ASSERT_EQ(models.status, 200) << models.body;
  EXPECT_EQ(listedModels(models), std::vector<std::string>{"mock-echo"}) << models.body;

  // An unscoped key sees every model.
  const RawResponse everything = gateway_->request("GET", "/v1/models", adminKey_);
  EXPECT_EQ(listedModels(everything).size(), 3u) << everything.body;
}

TEST_F(KeyScopes, AnEndpointScopeAllowsOnlyTheNamedEndpoints) {
  const auto [id, key] = createKey(R"({"name": "embed-only", "scopes": {"endpoints": ["embeddings"]}})");
  ASSERT_FALSE(key.empty());
  expectOpenAiError(gateway_->chat(key), 403, "endpoint_not_allowed");
  expectOpenAiError(gateway_->request("GET", "/v1/models", key), 403, "endpoint_not_allowed");

  const auto [chatId, chatKey] =
      createKey(R"({"name": "chat-and-list", "scopes": {"models": ["*"], "endpoints": ["chat", "models"]}})");
  EXPECT_EQ(gateway_->chat(chatKey).status, 200);
  EXPECT_EQ(gateway_->request("GET", "/v1/models", chatKey).status, 200);
  expectOpenAiError(gateway_->request("POST", "/v1/embeddings", chatKey, R"({"model":"mock-echo","input":"x"})"),
                    403, "endpoint_not_allowed");
}

TEST_F(KeyScopes, AScopeChangeHoldsAtOnceOnTheNodeThatMadeIt) {
  const auto [id, key] = createKey(R"({"name": "narrowed"})");
  ASSERT_EQ(gateway_->chat(key, "mock-echo").status, 200);
  const RawResponse patched = gateway_->request("PATCH", "/admin/keys/" + id, adminKey_,
                                                R"({"scopes": {"models": ["other-*"]}})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  expectOpenAiError(gateway_->chat(key, "mock-echo"), 403, "model_not_allowed");
  EXPECT_EQ(gateway_->chat(key, "other-echo").status, 200);
}

TEST_F(KeyScopes, AnExpiredKeyIsRefusedLikeAnUnknownOne) {
  const auto expiresAt =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count() +
      3;
  const auto [id, key] = createKey(R"({"name": "short-lived", "expires_at": )" + std::to_string(expiresAt) + "}");
  ASSERT_FALSE(key.empty());
  EXPECT_EQ(gateway_->chat(key).status, 200);

  // Nothing tells this node the key expired: it must check the time on every request.
  const auto deadline = std::chrono::system_clock::now() + 8s;
  RawResponse response = gateway_->chat(key);
  while (response.status == 200 && std::chrono::system_clock::now() < deadline) {
    std::this_thread::sleep_for(200ms);
    response = gateway_->chat(key);
  }
  expectOpenAiError(response, 401);
  EXPECT_GE(std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
                .count(),
            expiresAt);
  EXPECT_EQ(response.body, gateway_->chat("ghk_" + std::string(43, 'Q')).body);
}

TEST_F(KeyScopes, ExpiresInDaysSetsTheExpiry) {
  const RawResponse created =
      gateway_->request("POST", "/admin/keys", adminKey_, R"({"name": "month", "expires_in_days": 30})");
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string id = memberText(parseBody(created.body), "id");
  const RawResponse shown = gateway_->request("GET", "/admin/keys/" + id, adminKey_);
  ASSERT_EQ(shown.status, 200) << shown.body;
  const std::string expiresAt = memberText(parseBody(shown.body), "expires_at");
  ASSERT_FALSE(expiresAt.empty()) << shown.body;
  const long long now =
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
  EXPECT_NEAR(static_cast<double>(std::stoll(expiresAt)), static_cast<double>(now + 30LL * 86400), 120.0)
      << shown.body;
}

TEST_F(KeyScopes, InvalidScopesAndLimitsAreRefusedWithTheParameter) {
  const auto param = [](const RawResponse& response) {
    const rapidjson::Document document = parseBody(response.body);
    return document.IsObject() && document.HasMember("error") ? memberText(document["error"], "param") : "";
  };
  const RawResponse endpoint = gateway_->request("POST", "/admin/keys", adminKey_,
                                                 R"({"name": "bad", "scopes": {"endpoints": ["teleport"]}})");
  expectOpenAiError(endpoint, 400);
  EXPECT_NE(param(endpoint).find("endpoints"), std::string::npos) << endpoint.body;
  const RawResponse limit = gateway_->request("POST", "/admin/keys", adminKey_,
                                              R"({"name": "bad", "limits": {"requests_per_minute": 0}})");
  expectOpenAiError(limit, 400);
  EXPECT_NE(param(limit).find("requests_per_minute"), std::string::npos) << limit.body;
  const RawResponse unknown = gateway_->request("POST", "/admin/keys", adminKey_, R"({"name": "bad", "colour": "red"})");
  expectOpenAiError(unknown, 400);
  EXPECT_NE(param(unknown).find("colour"), std::string::npos) << unknown.body;
  // Nothing was created by the refused requests.
  EXPECT_EQ(gateway_->request("GET", "/admin/keys", adminKey_).body.find("\"bad\""), std::string::npos);
}

} // namespace
} // namespace gatehouse::testing
