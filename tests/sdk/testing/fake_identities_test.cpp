// The FakeIdentities follow identity_resolve's documented rules: every call recorded, a
// default answer, scripted answers and failures, views that die on time.
#include <gatehouse/testing/fake_identities.hpp>

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

namespace {

namespace sdk = gatehouse::sdk;
using gatehouse::testing::FakeIdentities;

std::string text(gh_str view) {
  return std::string(sdk::view(view));
}

// An identity as a plugin hands it over; `teams` is already "\n"-joined.
struct RawIdentity {
  std::string issuer = "https://idp.test", subject = "sub-1", email = "a@example.com", name = "A",
              teams = "ops\n\ndev";
  gh_role role = GH_ROLE_MEMBER;
  gh_identity view() const {
    gh_identity out{};
    out.struct_size = sizeof out;
    out.role = role;
    out.issuer = sdk::ghStr(issuer);
    out.subject = sdk::ghStr(subject);
    out.email = sdk::ghStr(email);
    out.name = sdk::ghStr(name);
    out.teams = sdk::ghStr(teams);
    out.is_service = 1;
    return out;
  }
};

gh_principal fresh() {
  gh_principal out{};
  out.struct_size = sizeof out;
  return out;
}

TEST(FakeIdentities, RecordsTheCallAndAnswersWithTheDefaultPrincipal) {
  FakeIdentities identities;
  RawIdentity raw;
  raw.role = GH_ROLE_ADMIN;
  gh_principal out = fresh();
  std::string why;
  ASSERT_EQ(identities.resolve(raw.view(), out, why), GH_OK) << why;
  EXPECT_EQ(text(out.subject), "sub-1");
  EXPECT_EQ(text(out.team), "ops");
  EXPECT_EQ(out.role, GH_ROLE_ADMIN);
  ASSERT_EQ(identities.calls().size(), 1u);
  const sdk::Identity& asked = identities.calls()[0];
  EXPECT_EQ(asked.issuer, "https://idp.test");
  EXPECT_EQ(asked.email, "a@example.com");
  EXPECT_EQ(asked.name, "A");
  EXPECT_EQ(asked.teams, (std::vector<std::string>{"ops", "dev"})); // empties dropped
  EXPECT_TRUE(asked.isService);
}

TEST(FakeIdentities, AnswersWithTheResponderIncludingItsErrors) {
  FakeIdentities identities;
  identities.respond([](const sdk::Identity& who) -> sdk::Principal {
    if (who.subject == "blocked") {
      throw sdk::Error(GH_ERROR_PERMISSION_DENIED, "This account is disabled.");
    }
    if (who.subject == "broken") {
      throw std::runtime_error("responder bug");
    }
    sdk::Principal principal;
    principal.subject = "user:" + who.subject;
    principal.monthlyBudgetMicroUsd = 12;
    return principal;
  });
  RawIdentity raw;
  gh_principal out = fresh();
  std::string why;
  ASSERT_EQ(identities.resolve(raw.view(), out, why), GH_OK);
  EXPECT_EQ(text(out.subject), "user:sub-1");
  EXPECT_EQ(out.monthly_budget_micro_usd, 12);
  raw.subject = "blocked";
  EXPECT_EQ(identities.resolve(raw.view(), out, why), GH_ERROR_PERMISSION_DENIED);
  EXPECT_EQ(why, "This account is disabled.");
  raw.subject = "broken";
  EXPECT_EQ(identities.resolve(raw.view(), out, why), GH_ERROR_INTERNAL);
  EXPECT_EQ(why, "responder bug");
  EXPECT_EQ(identities.calls().size(), 3u);
}

TEST(FakeIdentities, FailsEveryCallUntilToldOtherwise) {
  FakeIdentities identities;
  identities.fail(GH_ERROR_UNAVAILABLE, "store down");
  gh_principal out = fresh();
  std::string why;
  EXPECT_EQ(identities.resolve(RawIdentity{}.view(), out, why), GH_ERROR_UNAVAILABLE);
  EXPECT_EQ(why, "store down");
  identities.fail(GH_OK, "");
  EXPECT_EQ(identities.resolve(RawIdentity{}.view(), out, why), GH_OK);
  EXPECT_EQ(identities.calls().size(), 2u);
}

TEST(FakeIdentities, RefusesNoSubjectAndTooSmallStructs) {
  FakeIdentities identities;
  RawIdentity raw;
  raw.subject.clear();
  gh_principal out = fresh();
  std::string why;
  EXPECT_EQ(identities.resolve(raw.view(), out, why), GH_ERROR_INVALID_ARGUMENT);
  gh_identity small = RawIdentity{}.view();
  small.struct_size = 16;
  EXPECT_EQ(identities.resolve(small, out, why), GH_ERROR_INVALID_ARGUMENT);
  gh_principal tinyOut = fresh();
  tinyOut.struct_size = 8;
  EXPECT_EQ(identities.resolve(RawIdentity{}.view(), tinyOut, why), GH_ERROR_INVALID_ARGUMENT);
}

TEST(FakeIdentities, FillsOnlyWhatAnOlderPrincipalHolds) {
  FakeIdentities identities;
  identities.respond([](const sdk::Identity&) {
    sdk::Principal principal;
    principal.subject = "user:1";
    principal.requestsPerMinute = 5;
    return principal;
  });
  gh_principal out = fresh();
  out.struct_size = sdk::detail::kPrincipalSize10;
  std::string why;
  ASSERT_EQ(identities.resolve(RawIdentity{}.view(), out, why), GH_OK);
  EXPECT_EQ(text(out.subject), "user:1");
  EXPECT_EQ(out.requests_per_minute, 0); // past its struct_size: untouched
}

TEST(FakeIdentities, ViewsDieAtTheNextCallAndAtTheEndOfTheCall) {
  FakeIdentities identities;
  gh_principal first = fresh();
  gh_principal second = fresh();
  std::string why;
  RawIdentity raw;
  ASSERT_EQ(identities.resolve(raw.view(), first, why), GH_OK);
  raw.subject = "sub-2";
  ASSERT_EQ(identities.resolve(raw.view(), second, why), GH_OK);
  EXPECT_EQ(text(first.subject), "#####");
  EXPECT_EQ(text(second.subject), "sub-2");
  identities.endCall();
  EXPECT_EQ(text(second.subject), "#####");
}

} // namespace
