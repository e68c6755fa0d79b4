#include <gatehouse/gateway/authenticator.hpp>

#include <gtest/gtest.h>

#include <gatehouse_test/fake_response_sink.hpp>

namespace gatehouse::gateway {
namespace {

Authenticator::Step step(std::string name, AuthOutcome outcome, int* calls = nullptr) {
  return {std::move(name), [outcome, calls](ClientRequest&) {
            if (calls != nullptr)
              ++*calls;
            return outcome;
          }};
}

AuthOutcome notMine() {
  return AuthOutcome{};
}

AuthOutcome accepted(std::string subject) {
  AuthOutcome outcome;
  outcome.verdict = GH_AUTH_ACCEPTED;
  outcome.subject = std::move(subject);
  outcome.team = "team-1";
  outcome.keyId = "key-9";
  return outcome;
}

AuthOutcome denied(std::string reason) {
  AuthOutcome outcome;
  outcome.verdict = GH_AUTH_DENIED;
  outcome.denyReason = std::move(reason);
  return outcome;
}

AuthOutcome failed(std::string message) {
  AuthOutcome outcome;
  outcome.result = PluginResult{GH_ERROR_UNAVAILABLE, std::move(message)};
  return outcome;
}

TEST(Authenticator, WithoutPluginsEveryRequestIsAnonymous) {
  testing::FakeClientRequest request;
  const Authenticator authenticator;
  EXPECT_TRUE(authenticator.anonymous());
  auto result = authenticator.authenticate(request, "r");
  ASSERT_TRUE(std::holds_alternative<Principal>(result));
  EXPECT_TRUE(std::get<Principal>(result).subject.empty());
}

TEST(Authenticator, AsksInOrderUntilOneAccepts) {
  testing::FakeClientRequest request;
  int laterCalls = 0;
  const Authenticator authenticator(
      {step("a", notMine()), step("b", accepted("user:42")), step("c", accepted("user:other"), &laterCalls)});
  auto result = authenticator.authenticate(request, "r");
  ASSERT_TRUE(std::holds_alternative<Principal>(result));
  const Principal& principal = std::get<Principal>(result);
  EXPECT_EQ(principal.subject, "user:42");
  EXPECT_EQ(principal.team, "team-1");
  EXPECT_EQ(principal.keyId, "key-9");
  EXPECT_EQ(laterCalls, 0);
}

TEST(Authenticator, DeniedIs401WithTheReasonAndStopsTheChain) {
  testing::FakeClientRequest request;
  int laterCalls = 0;
  const Authenticator authenticator(
      {step("a", denied("API key revoked")), step("b", accepted("u"), &laterCalls)});
  auto result = authenticator.authenticate(request, "r");
  ASSERT_TRUE(std::holds_alternative<http::ApiError>(result));
  const auto& error = std::get<http::ApiError>(result);
  EXPECT_EQ(error.status, 401);
  EXPECT_EQ(error.type, http::ErrorType::Authentication);
  EXPECT_EQ(error.message, "API key revoked");
  EXPECT_EQ(error.code, "invalid_credentials");
  EXPECT_EQ(laterCalls, 0);
}

TEST(Authenticator, NobodyClaimingTheRequestIs401) {
  testing::FakeClientRequest request;
  const Authenticator authenticator({step("a", notMine()), step("b", notMine())});
  auto result = authenticator.authenticate(request, "r");
  ASSERT_TRUE(std::holds_alternative<http::ApiError>(result));
  EXPECT_EQ(std::get<http::ApiError>(result).status, 401);
  EXPECT_EQ(std::get<http::ApiError>(result).code, "missing_credentials");
}

TEST(Authenticator, PluginFailureIs503WithoutItsMessage) {
  testing::FakeClientRequest request;
  const Authenticator authenticator({step("a", failed("db at 10.1.2.3 refused user gatehouse"))});
  auto result = authenticator.authenticate(request, "r");
  ASSERT_TRUE(std::holds_alternative<http::ApiError>(result));
  const auto& error = std::get<http::ApiError>(result);
  EXPECT_EQ(error.status, 503);
  EXPECT_EQ(error.code, "auth_unavailable");
  EXPECT_EQ(error.message.find("10.1.2.3"), std::string::npos);
}

TEST(Authenticator, PluginsSeeTheClientRequest) {
  testing::FakeClientRequest request;
  request.headers["Authorization"] = "Bearer abc";
  std::string seen;
  const Authenticator authenticator({{"a", [&seen](ClientRequest& r) {
                                        seen = std::string(r.header("authorization"));
                                        return accepted("u");
                                      }}});
  authenticator.authenticate(request, "r");
  EXPECT_EQ(seen, "Bearer abc");
}

} // namespace
} // namespace gatehouse::gateway
