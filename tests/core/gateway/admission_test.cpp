#include <gatehouse/gateway/admission.hpp>

#include <gtest/gtest.h>

#include <stdexcept>
#include <vector>

namespace gatehouse::gateway {
namespace {

Admission::Gate gate(std::string name, AdmitOutcome outcome, std::vector<std::string>* asked = nullptr) {
  return {name, [name, outcome, asked](const Principal&, std::string_view) {
            if (asked != nullptr)
              asked->push_back(name);
            return outcome;
          }};
}

AdmitOutcome refused(std::string reason) {
  AdmitOutcome outcome;
  outcome.allowed = false;
  outcome.reason = std::move(reason);
  return outcome;
}

AdmitOutcome failed(gh_status status, std::string message) {
  AdmitOutcome outcome;
  outcome.result = {status, std::move(message)};
  return outcome;
}

const Principal kAlice{"user:alice", "team-a", "", "k1", "", GH_ROLE_MEMBER};

TEST(Admission, WithoutGatesEveryRequestIsAdmitted) {
  EXPECT_FALSE(Admission().admit(kAlice, "m", "r1"));
}

TEST(Admission, AsksEveryGateInOrderWhenAllAdmit) {
  std::vector<std::string> asked;
  const Admission admission({gate("a", {}, &asked), gate("b", {}, &asked)});
  EXPECT_FALSE(admission.admit(kAlice, "m", "r1"));
  EXPECT_EQ(asked, (std::vector<std::string>{"a", "b"}));
}

TEST(Admission, ARefusalIs403WithThePluginsReasonAndStopsTheRound) {
  std::vector<std::string> asked;
  const Admission admission({gate("a", refused("team a may not use m"), &asked), gate("b", {}, &asked)});
  const auto error = admission.admit(kAlice, "m", "r1");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->status, 403);
  EXPECT_EQ(error->type, http::ErrorType::Permission);
  EXPECT_EQ(error->message, "team a may not use m");
  EXPECT_EQ(asked, std::vector<std::string>{"a"});
}

TEST(Admission, ExhaustedQuotaIs429WithThePluginsMessage) {
  const Admission admission({gate("a", failed(GH_ERROR_RESOURCE_EXHAUSTED, "monthly budget spent"))});
  const auto error = admission.admit(kAlice, "m", "r1");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->status, 429);
  EXPECT_EQ(error->type, http::ErrorType::RateLimit);
  EXPECT_EQ(error->message, "monthly budget spent");
  EXPECT_EQ(error->code, "insufficient_quota");
}

TEST(Admission, APluginFailureIs503WithoutThePluginsMessage) {
  const Admission admission({gate("a", failed(GH_ERROR_UNAVAILABLE, "db at 10.0.0.5 refused"))});
  const auto error = admission.admit(kAlice, "m", "r-77");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->status, 503);
  EXPECT_EQ(error->type, http::ErrorType::Api);
  EXPECT_EQ(error->message.find("10.0.0.5"), std::string::npos) << error->message;
  EXPECT_NE(error->message.find("r-77"), std::string::npos) << error->message;
}

TEST(Admission, AGateThatThrowsCountsAsFailed) {
  const Admission admission({{"boom", [](const Principal&, std::string_view) -> AdmitOutcome {
                                throw std::runtime_error("bad");
                              }}});
  const auto error = admission.admit(kAlice, "m", "r1");
  ASSERT_TRUE(error);
  EXPECT_EQ(error->status, 503);
}

TEST(Admission, GatesSeeThePrincipalAndModel) {
  std::string seen;
  const Admission admission({{"a", [&seen](const Principal& principal, std::string_view model) {
                                seen = principal.subject + "/" + principal.team + "/" + std::string(model);
                                return AdmitOutcome{};
                              }}});
  EXPECT_FALSE(admission.admit(kAlice, "gpt-x", "r1"));
  EXPECT_EQ(seen, "user:alice/team-a/gpt-x");
}

} // namespace
} // namespace gatehouse::gateway
