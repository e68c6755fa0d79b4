// sdk::Identity and Host::resolveIdentity (ABI 1.2 identity_resolve) over the FakeHost's
// resolver: teams travel as one "\n"-separated string, the host's principal comes back
// copied, and a refusal surfaces as Error with the host's status and message.
#include <gatehouse/sdk/detail/guard.hpp>
#include <gatehouse/sdk/host.hpp>
#include <gatehouse/sdk/identity.hpp>
#include <gatehouse/testing/fake_host.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

namespace sdk = gatehouse::sdk;
using gatehouse::testing::FakeCall;
using gatehouse::testing::FakeHost;

sdk::Identity alice() {
  sdk::Identity identity;
  identity.role = GH_ROLE_ADMIN;
  identity.issuer = "https://idp.test";
  identity.subject = "alice-sub";
  identity.email = "alice@example.com";
  identity.name = "Alice Liddell";
  identity.teams = {"Data Science", "platform"};
  return identity;
}

TEST(SdkIdentity, TeamsJoinWithLineBreaksSkippingEmptyNames) {
  EXPECT_EQ(sdk::detail::joinTeams({"Data Science", "", "platform"}), "Data Science\nplatform");
  EXPECT_EQ(sdk::detail::joinTeams({}), "");
  EXPECT_EQ(sdk::detail::splitTeams("Data Science\n\nplatform\n"),
            (std::vector<std::string>{"Data Science", "platform"}));
  EXPECT_TRUE(sdk::detail::splitTeams("").empty());
}

TEST(SdkIdentity, ATeamNameWithALineBreakIsRefusedRatherThanSplit) {
  for (const char* name : {"evil\nadmins", "evil\radmins"}) {
    try {
      sdk::detail::joinTeams({"ok", name});
      FAIL() << "no error";
    } catch (const sdk::Error& error) {
      EXPECT_EQ(error.status(), GH_ERROR_INVALID_ARGUMENT);
    }
  }
}

TEST(SdkIdentity, ViewAndCopyRoundTripEveryField) {
  sdk::Identity identity = alice();
  identity.isService = true;
  const std::string teams = sdk::detail::joinTeams(identity.teams);
  const gh_identity raw = sdk::detail::identityView(identity, teams);
  EXPECT_EQ(raw.struct_size, sizeof(gh_identity));
  EXPECT_EQ(raw.is_service, 1);
  const sdk::Identity copy = sdk::detail::identityFrom(raw);
  EXPECT_EQ(copy.role, GH_ROLE_ADMIN);
  EXPECT_EQ(copy.issuer, "https://idp.test");
  EXPECT_EQ(copy.subject, "alice-sub");
  EXPECT_EQ(copy.email, "alice@example.com");
  EXPECT_EQ(copy.name, "Alice Liddell");
  EXPECT_EQ(copy.teams, (std::vector<std::string>{"Data Science", "platform"}));
  EXPECT_TRUE(copy.isService);
}

class SdkResolveIdentity : public ::testing::Test {
protected:
  FakeHost fake_;
  sdk::Host host_{FakeHost::api(), fake_.handle()};
  FakeCall call_;
  sdk::detail::CurrentCallScope scope_{call_.handle()};
};

TEST_F(SdkResolveIdentity, TheHostSeesEveryFieldAndAnswersWithItsPrincipal) {
  fake_.identities().respond([](const sdk::Identity& who) {
    sdk::Principal principal;
    principal.subject = "user:42";
    principal.team = "team-" + who.teams.at(0);
    principal.role = who.role;
    principal.requestsPerMinute = 30;
    return principal;
  });
  const sdk::Principal principal = host_.resolveIdentity(alice());
  fake_.identities().endCall(); // the host's views die; the copy must not
  EXPECT_EQ(principal.subject, "user:42");
  EXPECT_EQ(principal.team, "team-Data Science");
  EXPECT_EQ(principal.role, GH_ROLE_ADMIN);
  EXPECT_EQ(principal.requestsPerMinute, 30);
  ASSERT_EQ(fake_.identities().calls().size(), 1u);
  const sdk::Identity& asked = fake_.identities().calls()[0];
  EXPECT_EQ(asked.issuer, "https://idp.test");
  EXPECT_EQ(asked.subject, "alice-sub");
  EXPECT_EQ(asked.email, "alice@example.com");
  EXPECT_EQ(asked.name, "Alice Liddell");
  EXPECT_EQ(asked.teams, (std::vector<std::string>{"Data Science", "platform"}));
  EXPECT_FALSE(asked.isService);
}

TEST_F(SdkResolveIdentity, TheFakesDefaultMapsSubjectTeamAndRole) {
  const sdk::Principal principal = host_.resolveIdentity(alice());
  EXPECT_EQ(principal.subject, "alice-sub");
  EXPECT_EQ(principal.team, "Data Science");
  EXPECT_EQ(principal.role, GH_ROLE_ADMIN);
  EXPECT_EQ(principal.keyId, "");
}

TEST_F(SdkResolveIdentity, ARefusalThrowsTheHostsStatusAndMessage) {
  fake_.identities().fail(GH_ERROR_PERMISSION_DENIED, "This account is disabled.");
  try {
    host_.resolveIdentity(alice());
    FAIL() << "no error";
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_PERMISSION_DENIED);
    EXPECT_EQ(std::string(error.what()), "This account is disabled.");
  }
  sdk::Identity anonymous = alice();
  anonymous.subject.clear();
  fake_.identities().fail(GH_OK, "");
  try {
    host_.resolveIdentity(anonymous);
    FAIL() << "no error";
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_INVALID_ARGUMENT);
  }
}

TEST_F(SdkResolveIdentity, ABadTeamNameNeverReachesTheHost) {
  sdk::Identity identity = alice();
  identity.teams = {"a\nb"};
  EXPECT_THROW(host_.resolveIdentity(identity), sdk::Error);
  EXPECT_TRUE(fake_.identities().calls().empty());
}

TEST_F(SdkResolveIdentity, AHostTableWithoutTheSlotIsRefused) {
  gh_host_api shortTable = FakeHost::api();
  shortTable.struct_size = offsetof(gh_host_api, identity_resolve);
  try {
    sdk::Host(shortTable, fake_.handle()).resolveIdentity(alice());
    FAIL() << "no error";
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_UNSUPPORTED);
  }
}

} // namespace
