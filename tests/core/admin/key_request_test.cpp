// The key bodies on their own: what is read from them and what a missing, null or given
// field means. (Error cases through the API are in keys_api_test.cpp.)
#include <gatehouse/admin/key_request.hpp>

#include <gtest/gtest.h>

namespace gatehouse::admin {
namespace {

constexpr std::int64_t kNow = 1'800'000'000'000; // ms

CreateKeyRequest create(const std::string& body) {
  auto parsed = parseCreateKeyRequest(body, kNow);
  if (const auto* error = std::get_if<http::ApiError>(&parsed)) {
    ADD_FAILURE() << error->message;
    return {};
  }
  return std::get<CreateKeyRequest>(parsed);
}

KeyPatch patch(const std::string& body) {
  auto parsed = parseKeyPatch(body, kNow);
  if (const auto* error = std::get_if<http::ApiError>(&parsed)) {
    ADD_FAILURE() << error->message;
    return {};
  }
  return std::get<KeyPatch>(parsed);
}

TEST(CreateKeyRequest, MinimalBodyMeansNoLimitsNoScopesNoExpiry) {
  const CreateKeyRequest request = create(R"({"name":"ci"})");
  EXPECT_EQ(request.name, "ci");
  EXPECT_TRUE(request.teamId.empty());
  EXPECT_TRUE(request.ownerId.empty());
  EXPECT_FALSE(request.role);
  EXPECT_EQ(request.scopes, KeyScopes{});
  EXPECT_EQ(request.limits, store::ApiKeyLimits{});
  EXPECT_FALSE(request.expiresAtMs);
}

TEST(CreateKeyRequest, ReadsEveryField) {
  const CreateKeyRequest request =
      create(R"({"name":"ci","team_id":"t1","role":"admin","owner_id":"u1","expires_at":1900000000,)"
             R"("scopes":{"models":["gpt-4o*","gpt-4o*"],"endpoints":["chat"]},)"
             R"("limits":{"requests_per_minute":5,"tokens_per_minute":null,"monthly_budget_usd":0.25}})");
  EXPECT_EQ(request.teamId, "t1");
  EXPECT_EQ(request.ownerId, "u1");
  EXPECT_EQ(request.role, store::Role::Admin);
  EXPECT_EQ(request.expiresAtMs, 1'900'000'000'000);
  EXPECT_EQ(request.scopes, (KeyScopes{{"gpt-4o*"}, {"chat"}}));
  EXPECT_EQ(request.limits.requestsPerMinute, 5);
  EXPECT_FALSE(request.limits.tokensPerMinute);
  EXPECT_EQ(request.limits.monthlyBudgetMicroUsd, 250'000);
}

TEST(CreateKeyRequest, ExpiresInDaysCountsFromNow) {
  EXPECT_EQ(create(R"({"name":"x","expires_in_days":90})").expiresAtMs, kNow + 90LL * 86'400'000);
}

TEST(CreateKeyRequest, ExpiryMustBeInTheFuture) {
  const auto past = parseCreateKeyRequest(R"({"name":"x","expires_at":1800000000})", kNow); // == now
  ASSERT_TRUE(std::holds_alternative<http::ApiError>(past));
  EXPECT_EQ(std::get<http::ApiError>(past).param, "expires_at");
  EXPECT_TRUE(std::holds_alternative<CreateKeyRequest>(
      parseCreateKeyRequest(R"({"name":"x","expires_at":1800000001})", kNow)));
}

TEST(KeyPatch, AbsentMeansUnchangedAndNullMeansRemoved) {
  const KeyPatch empty = patch("{}");
  EXPECT_FALSE(empty.name || empty.models || empty.endpoints || empty.disabled || empty.expiresAtMs);
  EXPECT_FALSE(empty.changesLimits());
  EXPECT_TRUE(empty.firstAdminOnlyField().empty());

  const KeyPatch removing = patch(R"({"limits":{"tokens_per_minute":null},"expires_at":null})");
  ASSERT_TRUE(removing.tokensPerMinute);
  EXPECT_FALSE(*removing.tokensPerMinute);
  EXPECT_FALSE(removing.requestsPerMinute);
  ASSERT_TRUE(removing.expiresAtMs);
  EXPECT_FALSE(*removing.expiresAtMs);
  EXPECT_EQ(removing.firstAdminOnlyField(), "limits");

  const store::ApiKeyLimits before{10, 20, 30};
  const store::ApiKeyLimits after = patchedLimits(before, removing);
  EXPECT_EQ(after, (store::ApiKeyLimits{10, std::nullopt, 30}));
}

TEST(KeyPatch, ScopeListsAreReplacedOneByOne) {
  const KeyPatch onlyEndpoints = patch(R"({"scopes":{"endpoints":[]}})");
  EXPECT_EQ(onlyEndpoints.firstAdminOnlyField(), "scopes");
  const KeyScopes current{{"gpt-4o"}, {"chat"}};
  EXPECT_EQ(patchedScopes(current, onlyEndpoints), (KeyScopes{{"gpt-4o"}, {}}));
  EXPECT_EQ(patchedScopes(current, patch(R"({"scopes":{"models":["a*"]}})")), (KeyScopes{{"a*"}, {"chat"}}));
}

TEST(KeyPatch, MemberFieldsAreNotAdminOnly) {
  const KeyPatch member = patch(R"({"name":"laptop","disabled":true})");
  EXPECT_EQ(member.name, "laptop");
  EXPECT_EQ(member.disabled, true);
  EXPECT_TRUE(member.firstAdminOnlyField().empty());
  EXPECT_EQ(patch(R"({"expires_at":1900000000})").firstAdminOnlyField(), "expires_at");
}

TEST(ToMicroUsd, RoundsToTheNearestMillionth) {
  EXPECT_EQ(toMicroUsd(1.0), 1'000'000);
  EXPECT_EQ(toMicroUsd(0.1), 100'000);
  EXPECT_EQ(toMicroUsd(0.0000004), 0);
  EXPECT_EQ(toMicroUsd(19.999999), 19'999'999);
}

} // namespace
} // namespace gatehouse::admin
