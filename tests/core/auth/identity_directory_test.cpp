#include <gatehouse/auth/identity_directory.hpp>
#include <gatehouse/store/store_error.hpp>

#include <gtest/gtest.h>

#include <instrumented_store.hpp>
#include <two_nodes.hpp>

#include <chrono>
#include <functional>
#include <latch>
#include <thread>
#include <vector>

namespace gatehouse::auth {
namespace {

using testing::InstrumentedStore;

constexpr IdentityDirectoryOptions kLongCache{std::chrono::hours(1), 1000};

IdentityClaims alice() {
  IdentityClaims claims;
  claims.issuer = "https://idp.example.test";
  claims.subject = "alice-0001";
  claims.email = "alice@example.test";
  claims.name = "Alice Example";
  claims.teams = {"research", "platform"};
  return claims;
}

gh_status statusOf(IdentityDirectory& directory, const IdentityClaims& claims) {
  try {
    directory.resolve(claims);
  } catch (const IdentityError& error) {
    return error.status();
  }
  return GH_OK;
}

class IdentityDirectoryTest : public ::testing::Test {
protected:
  testing::TwoNodes nodes;
};

TEST_F(IdentityDirectoryTest, FirstSignInCreatesTheUserTheTeamsAndTheMemberships) {
  IdentityDirectory directory(*nodes.a, kLongCache);
  const Principal principal = directory.resolve(alice());

  const auto user = nodes.a->users().findBySubject("https://idp.example.test|alice-0001");
  ASSERT_TRUE(user);
  EXPECT_EQ(principal.subject, user->id);
  EXPECT_EQ(user->email, "alice@example.test");
  EXPECT_EQ(user->displayName, "Alice Example");
  EXPECT_EQ(user->role, store::Role::Member);
  EXPECT_EQ(principal.role, GH_ROLE_MEMBER);

  const auto research = nodes.a->teams().findByName("research");
  const auto platform = nodes.a->teams().findByName("platform");
  ASSERT_TRUE(research);
  ASSERT_TRUE(platform);
  EXPECT_EQ(principal.team, research->id) << "the first team in the claims";
  const auto memberships = nodes.a->teams().teamsOf(user->id);
  ASSERT_EQ(memberships.size(), 2u);
  for (const store::TeamMember& membership : memberships)
    EXPECT_EQ(membership.role, store::Role::Member);
  EXPECT_EQ(principal.keyId, "");
  EXPECT_EQ(principal.scopes, "") << "no scopes: every model the role allows";
}

TEST_F(IdentityDirectoryTest, AnAdminClaimMakesAnAdmin) {
  IdentityDirectory directory(*nodes.a, kLongCache);
  IdentityClaims claims = alice();
  claims.role = GH_ROLE_ADMIN;
  claims.teams.clear();
  const Principal principal = directory.resolve(claims);
  EXPECT_EQ(principal.role, GH_ROLE_ADMIN);
  EXPECT_EQ(principal.team, "");
  EXPECT_EQ(nodes.a->users().findById(principal.subject)->role, store::Role::Admin);
}

TEST_F(IdentityDirectoryTest, AKnownUnchangedIdentityCostsNoStoreCall) {
  InstrumentedStore counted(*nodes.a);
  IdentityDirectory directory(counted, kLongCache);
  const Principal first = directory.resolve(alice());
  const int callsAfterFirst = counted.calls();
  EXPECT_GT(callsAfterFirst, 0);
  const Principal second = directory.resolve(alice());
  EXPECT_EQ(counted.calls(), callsAfterFirst);
  EXPECT_EQ(second.subject, first.subject);
  EXPECT_EQ(second.team, first.team);
  EXPECT_EQ(second.role, first.role);
}

TEST_F(IdentityDirectoryTest, AKnownIdentityOnAnotherNodeFindsTheSameUserWithoutWrites) {
  IdentityDirectory onA(*nodes.a, kLongCache);
  const Principal fromA = onA.resolve(alice());
  IdentityDirectory onB(*nodes.b, kLongCache);
  const Principal fromB = onB.resolve(alice());
  EXPECT_EQ(fromB.subject, fromA.subject);
  EXPECT_EQ(fromB.team, fromA.team);
  EXPECT_EQ(nodes.b->users().list("", 100).size(), 1u);
  EXPECT_EQ(nodes.b->teams().list().size(), 2u);
}

TEST_F(IdentityDirectoryTest, ChangedClaimsUpdateTheUser) {
  IdentityDirectory directory(*nodes.a, kLongCache);
  const Principal before = directory.resolve(alice());

  IdentityClaims promoted = alice();
  promoted.role = GH_ROLE_ADMIN;
  promoted.email = "alice@new.example.test";
  promoted.name = "Alice Q. Example";
  const Principal after = directory.resolve(promoted);
  EXPECT_EQ(after.subject, before.subject);
  EXPECT_EQ(after.role, GH_ROLE_ADMIN);
  auto user = nodes.a->users().findById(after.subject);
  EXPECT_EQ(user->role, store::Role::Admin);
  EXPECT_EQ(user->email, "alice@new.example.test");
  EXPECT_EQ(user->displayName, "Alice Q. Example");

  IdentityClaims demotedWithoutEmail = alice();
  demotedWithoutEmail.email.clear();
  demotedWithoutEmail.name.clear();
  EXPECT_EQ(directory.resolve(demotedWithoutEmail).role, GH_ROLE_MEMBER);
  user = nodes.a->users().findById(after.subject);
  EXPECT_EQ(user->role, store::Role::Member);
  EXPECT_EQ(user->email, "alice@new.example.test") << "a claim not sent keeps the stored value";
  EXPECT_EQ(user->displayName, "Alice Q. Example");
}

TEST_F(IdentityDirectoryTest, NewTeamsInTheClaimsAreAddedAndAdminGivenTeamRolesKept) {
  IdentityDirectory directory(*nodes.a, kLongCache);
  const Principal first = directory.resolve(alice());
  const std::string researchId = nodes.a->teams().findByName("research")->id;
  nodes.a->teams().putMember(researchId, first.subject, store::Role::Admin); // an administrator's choice

  IdentityClaims moved = alice();
  moved.teams = {"security", "research"};
  const Principal second = directory.resolve(moved);
  const auto security = nodes.a->teams().findByName("security");
  ASSERT_TRUE(security);
  EXPECT_EQ(second.team, security->id);
  const auto memberships = nodes.a->teams().teamsOf(first.subject);
  EXPECT_EQ(memberships.size(), 3u) << "memberships are only added";
  for (const store::TeamMember& membership : memberships) {
    if (membership.teamId == researchId) {
      EXPECT_EQ(membership.role, store::Role::Admin);
    }
  }
}

TEST_F(IdentityDirectoryTest, DisabledUserIsDenied) {
  IdentityDirectory directory(*nodes.a, kLongCache);
  const Principal principal = directory.resolve(alice());
  store::User user = *nodes.b->users().findById(principal.subject);
  user.disabled = true;
  ASSERT_TRUE(nodes.b->users().update(user));

  directory.forget(principal.subject);
  try {
    directory.resolve(alice());
    FAIL() << "a disabled user was resolved";
  } catch (const IdentityError& error) {
    EXPECT_EQ(error.status(), GH_ERROR_PERMISSION_DENIED);
    EXPECT_STREQ(error.what(), "This account is disabled.");
  }
  IdentityDirectory fresh(*nodes.b, kLongCache);
  EXPECT_EQ(statusOf(fresh, alice()), GH_ERROR_PERMISSION_DENIED);
}

TEST_F(IdentityDirectoryTest, ForgetMakesTheNextResolveReadTheStore) {
  InstrumentedStore counted(*nodes.a);
  IdentityDirectory directory(counted, kLongCache);
  IdentityClaims bob = alice();
  bob.subject = "bob-0002";
  const Principal alicePrincipal = directory.resolve(alice());
  directory.resolve(bob);
  const int calls = counted.calls();
  directory.forget(alicePrincipal.subject);
  directory.resolve(bob);
  EXPECT_EQ(counted.calls(), calls) << "bob stays cached";
  directory.resolve(alice());
  EXPECT_GT(counted.calls(), calls);
}

TEST_F(IdentityDirectoryTest, CacheEntriesExpireAfterTheTtl) {
  InstrumentedStore counted(*nodes.a);
  IdentityDirectory directory(counted, IdentityDirectoryOptions{std::chrono::milliseconds(50), 1000});
  directory.resolve(alice());
  const int calls = counted.calls();
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
  directory.resolve(alice());
  EXPECT_GT(counted.calls(), calls);
}

TEST_F(IdentityDirectoryTest, TheCacheHoldsAtMostItsBoundAndDropsTheOldestFirst) {
  InstrumentedStore counted(*nodes.a);
  IdentityDirectory directory(counted, IdentityDirectoryOptions{std::chrono::hours(1), 2});
  IdentityClaims first = alice(), second = alice(), third = alice();
  second.subject = "second";
  third.subject = "third";
  directory.resolve(first);
  directory.resolve(second);
  directory.resolve(third);
  int calls = counted.calls();
  directory.resolve(third);
  directory.resolve(second);
  EXPECT_EQ(counted.calls(), calls);
  directory.resolve(first);
  EXPECT_GT(counted.calls(), calls) << "the oldest entry was dropped";
}

TEST_F(IdentityDirectoryTest, MissingIssuerOrSubjectIsInvalid) {
  IdentityDirectory directory(*nodes.a, kLongCache);
  IdentityClaims noSubject = alice();
  noSubject.subject.clear();
  IdentityClaims noIssuer = alice();
  noIssuer.issuer.clear();
  EXPECT_EQ(statusOf(directory, noSubject), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(statusOf(directory, noIssuer), GH_ERROR_INVALID_ARGUMENT);
  IdentityClaims huge = alice();
  huge.subject = std::string(300, 's');
  EXPECT_EQ(statusOf(directory, huge), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_TRUE(nodes.a->users().list("", 100).empty());
}

TEST_F(IdentityDirectoryTest, StoreOutageIsUnavailableWithoutInternals) {
  InstrumentedStore flaky(*nodes.a);
  flaky.setDown(true);
  IdentityDirectory directory(flaky, kLongCache);
  try {
    directory.resolve(alice());
    FAIL() << "resolved without a store";
  } catch (const IdentityError& error) {
    EXPECT_EQ(error.status(), GH_ERROR_UNAVAILABLE);
    EXPECT_EQ(std::string(error.what()).find("test switched"), std::string::npos) << error.what();
  }
  flaky.setDown(false);
  EXPECT_EQ(statusOf(directory, alice()), GH_OK);
  flaky.setDown(true);
  EXPECT_EQ(statusOf(directory, alice()), GH_OK) << "a cached identity needs no store";
}

// Two nodes racing to create the same user and teams on a first sign-in, on SQLite and on
// MariaDB (two connection pools on one database, as production's nodes share one MySQL).
class IdentityDirectoryAcrossNodes : public ::testing::TestWithParam<store::testing::Backend> {
protected:
  testing::TwoNodes nodes{GetParam()};
};

TEST_P(IdentityDirectoryAcrossNodes, AnotherNodeCreatingTheSameTeamFirstIsNoError) {
  InstrumentedStore racing(*nodes.a);
  // Node B creates each team in the gap between node A's lookup and its insert.
  racing.gatedTeams().beforeCreate = [&](const store::NewTeam& team) { nodes.b->teams().create(team); };
  IdentityDirectory directory(racing, kLongCache);
  const Principal principal = directory.resolve(alice());
  const auto research = nodes.b->teams().findByName("research");
  ASSERT_TRUE(research);
  EXPECT_EQ(principal.team, research->id);
  EXPECT_EQ(nodes.b->teams().list().size(), 2u);
  EXPECT_EQ(nodes.b->teams().teamsOf(principal.subject).size(), 2u);
}

TEST_P(IdentityDirectoryAcrossNodes, AnotherNodeCreatingTheSameUserFirstIsNoError) {
  InstrumentedStore racing(*nodes.a);
  IdentityDirectory onB(*nodes.b, kLongCache);
  std::string createdByB;
  racing.gatedUsers().beforeCreate = [&](const store::NewUser&) { createdByB = onB.resolve(alice()).subject; };
  IdentityDirectory onA(racing, kLongCache);
  const Principal principal = onA.resolve(alice());
  EXPECT_FALSE(createdByB.empty());
  EXPECT_EQ(principal.subject, createdByB);
  EXPECT_EQ(nodes.a->users().list("", 100).size(), 1u);
}

TEST_P(IdentityDirectoryAcrossNodes, FirstSignInsOnBothNodesAtOnceAgreeOnOneUserAndOneTeamEach) {
  // Several people sign in for the first time on both nodes at the same moment (a team's
  // morning, a load balancer spreading retries); all share the "research" team.
  constexpr int kPeople = 4;
  IdentityDirectory onA(*nodes.a, kLongCache);
  IdentityDirectory onB(*nodes.b, kLongCache);
  std::vector<IdentityClaims> people;
  for (int i = 0; i < kPeople; ++i) {
    IdentityClaims person = alice();
    person.subject = "person-" + std::to_string(i);
    person.teams = {"research", "team-" + std::to_string(i)};
    people.push_back(person);
  }
  std::vector<Principal> fromA(kPeople);
  std::vector<Principal> fromB(kPeople);
  std::latch allReady(2);
  const auto signInAll = [&](IdentityDirectory& directory, std::vector<Principal>& resolved) {
    allReady.arrive_and_wait();
    for (std::size_t i = 0; i < people.size(); ++i) {
      try {
        resolved[i] = directory.resolve(people[i]);
      } catch (const IdentityError& error) {
        ADD_FAILURE() << "sign-in " << i << " failed: " << error.what();
      }
    }
  };
  std::thread signInsOnA(signInAll, std::ref(onA), std::ref(fromA));
  std::thread signInsOnB(signInAll, std::ref(onB), std::ref(fromB));
  signInsOnA.join();
  signInsOnB.join();

  const auto research = nodes.a->teams().findByName("research");
  ASSERT_TRUE(research);
  EXPECT_EQ(nodes.a->users().list("", 100).size(), static_cast<std::size_t>(kPeople));
  EXPECT_EQ(nodes.a->teams().list().size(), static_cast<std::size_t>(kPeople + 1));
  EXPECT_EQ(nodes.a->teams().members(research->id).size(), static_cast<std::size_t>(kPeople));
  for (std::size_t i = 0; i < people.size(); ++i) {
    EXPECT_FALSE(fromA[i].subject.empty()) << i;
    EXPECT_EQ(fromA[i].subject, fromB[i].subject) << i;
    EXPECT_EQ(fromA[i].team, research->id) << i;
    EXPECT_EQ(fromB[i].team, research->id) << i;
    EXPECT_EQ(nodes.b->teams().teamsOf(fromA[i].subject).size(), 2u) << i;
  }
}

INSTANTIATE_TEST_SUITE_P(Drivers, IdentityDirectoryAcrossNodes,
                         ::testing::Values(store::testing::Backend::Sqlite, store::testing::Backend::Mysql),
                         testing::DriverName{});

} // namespace
} // namespace gatehouse::auth
