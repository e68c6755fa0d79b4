#include <gatehouse/gateway/authenticator.hpp>

#include <gtest/gtest.h>

#include <gatehouse_test/fake_response_sink.hpp>

#include "fake_clock.hpp"

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

// --- failed attempts per client address ------------------------------------------------

using namespace std::chrono_literals;

FailedAuthLimitConfig cap(int maxFailures, int windowSeconds) {
  FailedAuthLimitConfig config;
  config.maxFailures = maxFailures;
  config.windowSeconds = windowSeconds;
  return config;
}

testing::FakeClientRequest from(std::string address) {
  testing::FakeClientRequest request;
  request.address = std::move(address);
  return request;
}

class FailedAttempts : public ::testing::Test {
protected:
  http::ApiError errorFor(const Authenticator& authenticator, std::string address) {
    testing::FakeClientRequest request = from(std::move(address));
    auto result = authenticator.authenticate(request, "r");
    if (!std::holds_alternative<http::ApiError>(result)) {
      ADD_FAILURE() << "accepted";
      return {};
    }
    return std::get<http::ApiError>(result);
  }

  testing::FakeClock clock_;
  int calls_ = 0;
};

TEST_F(FailedAttempts, AnAddressOverTheCapGets429WithoutAskingThePlugins) {
  const Authenticator authenticator({step("keys", denied("Invalid API key."), &calls_)}, cap(3, 60),
                                    clock_.function());
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(errorFor(authenticator, "198.51.100.7").status, 401);
  EXPECT_EQ(calls_, 3);
  const http::ApiError blocked = errorFor(authenticator, "198.51.100.7");
  EXPECT_EQ(blocked.status, 429);
  EXPECT_EQ(blocked.type, http::ErrorType::RateLimit);
  EXPECT_EQ(blocked.code, "too_many_failed_attempts");
  EXPECT_EQ(blocked.retryAfterSeconds, 20);
  EXPECT_NE(blocked.message.find("20 seconds"), std::string::npos) << blocked.message;
  EXPECT_EQ(calls_, 3); // the plugin was not asked
}

TEST_F(FailedAttempts, ASecondAddressIsUnaffected) {
  const Authenticator authenticator({step("keys", denied("Invalid API key."), &calls_)}, cap(2, 60),
                                    clock_.function());
  errorFor(authenticator, "198.51.100.7");
  errorFor(authenticator, "198.51.100.7");
  EXPECT_EQ(errorFor(authenticator, "198.51.100.7").status, 429);
  EXPECT_EQ(errorFor(authenticator, "203.0.113.9").status, 401);
}

TEST_F(FailedAttempts, MissingCredentialsCountToo) {
  const Authenticator authenticator({step("keys", notMine())}, cap(2, 60), clock_.function());
  EXPECT_EQ(errorFor(authenticator, "10.0.0.1").code, "missing_credentials");
  EXPECT_EQ(errorFor(authenticator, "10.0.0.1").code, "missing_credentials");
  EXPECT_EQ(errorFor(authenticator, "10.0.0.1").code, "too_many_failed_attempts");
}

TEST_F(FailedAttempts, PluginFailuresDoNotCount) {
  const Authenticator authenticator({step("keys", failed("store down"))}, cap(1, 60), clock_.function());
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(errorFor(authenticator, "10.0.0.1").status, 503);
}

TEST_F(FailedAttempts, SuccessDoesNotResetTheCount) {
  // One client alternating a valid key with guesses: the guesses are still capped.
  const Authenticator authenticator({{"keys",
                                      [](ClientRequest& request) {
                                        return request.header("authorization") == "Bearer good"
                                                   ? accepted("user:1")
                                                   : denied("Invalid API key.");
                                      }}},
                                    cap(3, 60), clock_.function());
  testing::FakeClientRequest good = from("10.0.0.1");
  good.headers["Authorization"] = "Bearer good";
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(std::holds_alternative<Principal>(authenticator.authenticate(good, "r")));
    EXPECT_EQ(errorFor(authenticator, "10.0.0.1").status, 401);
  }
  EXPECT_EQ(errorFor(authenticator, "10.0.0.1").status, 429);
  // Once locked out, even the valid key waits: the plugins are not asked at all.
  auto result = authenticator.authenticate(good, "r");
  ASSERT_TRUE(std::holds_alternative<http::ApiError>(result));
  EXPECT_EQ(std::get<http::ApiError>(result).status, 429);
}

TEST_F(FailedAttempts, TheLockOutEndsAsTheWindowSlides) {
  const Authenticator authenticator({step("keys", denied("Invalid API key."), &calls_)}, cap(2, 10),
                                    clock_.function());
  errorFor(authenticator, "10.0.0.1");
  errorFor(authenticator, "10.0.0.1");
  const http::ApiError blocked = errorFor(authenticator, "10.0.0.1");
  EXPECT_EQ(blocked.retryAfterSeconds, 5);
  clock_.advance(4'999ms);
  EXPECT_EQ(errorFor(authenticator, "10.0.0.1").status, 429);
  clock_.advance(1ms);
  EXPECT_EQ(errorFor(authenticator, "10.0.0.1").status, 401); // one attempt came back
  EXPECT_EQ(errorFor(authenticator, "10.0.0.1").status, 429);
  clock_.advance(10s);
  EXPECT_EQ(errorFor(authenticator, "10.0.0.1").status, 401);
  EXPECT_EQ(calls_, 4);
}

TEST_F(FailedAttempts, ValidCredentialsAreNeverCounted) {
  const Authenticator authenticator({step("keys", accepted("user:1"))}, cap(1, 60), clock_.function());
  for (int i = 0; i < 10; ++i) {
    testing::FakeClientRequest request = from("10.0.0.1");
    EXPECT_TRUE(std::holds_alternative<Principal>(authenticator.authenticate(request, "r")));
  }
}

TEST_F(FailedAttempts, TheDefaultCapIsTheConfigDefault) {
  const Authenticator authenticator({step("keys", denied("no"))});
  for (int i = 0; i < FailedAuthLimitConfig{}.maxFailures; ++i)
    ASSERT_EQ(errorFor(authenticator, "10.9.9.9").status, 401) << i;
  EXPECT_EQ(errorFor(authenticator, "10.9.9.9").status, 429);
}

} // namespace
} // namespace gatehouse::gateway
