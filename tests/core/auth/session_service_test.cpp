#include <gatehouse/auth/api_key_secret.hpp>
#include <gatehouse/auth/session_service.hpp>
#include <gatehouse/store/store_clock.hpp>
#include <gatehouse/store/store_error.hpp>

#include <gtest/gtest.h>

#include <instrumented_store.hpp>
#include <two_nodes.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <latch>
#include <thread>

namespace gatehouse::auth {
namespace {

using namespace std::chrono_literals;
using testing::InstrumentedStore;
using testing::makeUser;

SessionOptions options(std::chrono::milliseconds cacheTtl, std::chrono::seconds loginTimeout = 600s) {
  SessionOptions result;
  result.cacheTtl = cacheTtl;
  result.loginTimeout = loginTimeout;
  return result;
}

// A session written straight to the store, so a test controls its expiry to the millisecond.
std::string sessionExpiringAt(store::Store& store, const std::string& userId, std::int64_t expiresAtMs) {
  const std::string cookie = randomToken();
  store::Session session;
  session.idHash = hashApiKey(cookie);
  session.userId = userId;
  session.plugin = "oidc";
  session.createdAtMs = store::currentTimeMs() - 10'000;
  session.expiresAtMs = expiresAtMs;
  store.sessions().create(session);
  return cookie;
}

class SessionServiceTest : public ::testing::Test {
protected:
  testing::TwoNodes nodes;
  store::User user = makeUser(*nodes.a, "carol");
};

TEST_F(SessionServiceTest, CreateFindAndEnd) {
  const store::Team team = nodes.a->teams().create(store::NewTeam{"analytics", std::nullopt});
  nodes.a->teams().putMember(team.id, user.id, store::Role::Member);
  SessionService sessions(*nodes.a, options(5000ms));

  const std::string cookie = sessions.create(user.id, "oidc");
  EXPECT_EQ(cookie.size(), 43u);
  const auto principal = sessions.find(cookie);
  ASSERT_TRUE(principal);
  EXPECT_EQ(principal->subject, user.id);
  EXPECT_EQ(principal->team, team.id);
  EXPECT_EQ(principal->role, GH_ROLE_MEMBER);
  EXPECT_EQ(principal->keyId, "");

  // Only the hash is stored, with the plugin and the configured lifetime.
  EXPECT_FALSE(nodes.a->sessions().find(cookie));
  const auto stored = nodes.a->sessions().find(hashApiKey(cookie));
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->userId, user.id);
  EXPECT_EQ(stored->plugin, "oidc");
  EXPECT_EQ(stored->expiresAtMs - stored->createdAtMs, 8 * 3600 * 1000);

  sessions.end(cookie);
  EXPECT_FALSE(sessions.find(cookie)) << "logout holds at once on this node";
  EXPECT_FALSE(nodes.a->sessions().find(hashApiKey(cookie)));
  EXPECT_NO_THROW(sessions.end(cookie)) << "idempotent";
}

TEST_F(SessionServiceTest, UnknownAndMalformedCookiesFindNothing) {
  SessionService sessions(*nodes.a, options(5000ms));
  const std::string cookie = sessions.create(user.id, "oidc");
  EXPECT_FALSE(sessions.find(""));
  EXPECT_FALSE(sessions.find(randomToken()));
  EXPECT_FALSE(sessions.find(hashApiKey(cookie))) << "the stored hash is not a session id";
  EXPECT_FALSE(sessions.find(std::string(10'000, 'a')));
  EXPECT_TRUE(sessions.find(cookie));
}

TEST_F(SessionServiceTest, AdminUserGetsAdminRole) {
  const store::User admin = makeUser(*nodes.a, "root", store::Role::Admin);
  SessionService sessions(*nodes.a, options(5000ms));
  const auto principal = sessions.find(sessions.create(admin.id, "oidc"));
  ASSERT_TRUE(principal);
  EXPECT_EQ(principal->role, GH_ROLE_ADMIN);
  EXPECT_EQ(principal->team, "");
}

TEST_F(SessionServiceTest, ExpiredSessionsAreNotFound) {
  SessionService sessions(*nodes.a, options(std::chrono::hours(1)));
  const std::string expired = sessionExpiringAt(*nodes.a, user.id, store::currentTimeMs() - 1);
  EXPECT_FALSE(sessions.find(expired));

  // A cached session still ends on time: expiry is checked on every hit.
  const std::int64_t expiresAt = store::currentTimeMs() + 300;
  const std::string soon = sessionExpiringAt(*nodes.a, user.id, expiresAt);
  ASSERT_TRUE(sessions.find(soon));
  while (store::currentTimeMs() < expiresAt)
    std::this_thread::sleep_for(10ms);
  EXPECT_FALSE(sessions.find(soon));
}

TEST_F(SessionServiceTest, ADisabledUsersSessionStopsWorking) {
  SessionService sessions(*nodes.a, options(0ms));
  const std::string cookie = sessions.create(user.id, "oidc");
  ASSERT_TRUE(sessions.find(cookie));
  store::User disabled = user;
  disabled.disabled = true;
  ASSERT_TRUE(nodes.b->users().update(disabled));
  EXPECT_FALSE(sessions.find(cookie));
}

TEST_F(SessionServiceTest, ACachedSessionCostsNoStoreCall) {
  InstrumentedStore counted(*nodes.a);
  SessionService sessions(counted, options(std::chrono::hours(1)));
  const std::string cookie = sessions.create(user.id, "oidc");
  ASSERT_TRUE(sessions.find(cookie));
  const int calls = counted.calls();
  for (int i = 0; i < 10; ++i)
    ASSERT_TRUE(sessions.find(cookie));
  EXPECT_EQ(counted.calls(), calls);
}

TEST_F(SessionServiceTest, StoreOutageServesCachedSessionsAndThrowsForOthers) {
  InstrumentedStore flaky(*nodes.a);
  SessionService sessions(flaky, options(0ms)); // every find goes to the store while it answers
  const std::string known = sessions.create(user.id, "oidc");
  const std::string unseen = sessions.create(user.id, "oidc");
  ASSERT_TRUE(sessions.find(known));
  flaky.setDown(true);
  const auto principal = sessions.find(known);
  ASSERT_TRUE(principal);
  EXPECT_EQ(principal->subject, user.id);
  EXPECT_THROW(sessions.find(unseen), store::StoreError);
  flaky.setDown(false);
  sessions.end(known);
  flaky.setDown(true);
  EXPECT_THROW(sessions.find(known), store::StoreError) << "an ended session is not served from cache";
}

TEST_F(SessionServiceTest, EndAllForEndsEverySessionOfTheUser) {
  const store::User other = makeUser(*nodes.a, "dave");
  SessionService sessions(*nodes.a, options(std::chrono::hours(1)));
  const std::string first = sessions.create(user.id, "oidc");
  const std::string second = sessions.create(user.id, "oidc");
  const std::string others = sessions.create(other.id, "oidc");
  ASSERT_TRUE(sessions.find(first));
  ASSERT_TRUE(sessions.find(second));
  sessions.endAllFor(user.id);
  EXPECT_FALSE(sessions.find(first)) << "the cache forgets them too";
  EXPECT_FALSE(sessions.find(second));
  EXPECT_TRUE(sessions.find(others));
}

TEST_F(SessionServiceTest, SweepRemovesExpiredSessions) {
  SessionService sessions(*nodes.a, options(5000ms));
  const std::string expired = sessionExpiringAt(*nodes.a, user.id, store::currentTimeMs() - 1);
  const std::string live = sessions.create(user.id, "oidc");
  sessions.sweep();
  EXPECT_FALSE(nodes.a->sessions().find(hashApiKey(expired)));
  EXPECT_TRUE(nodes.a->sessions().find(hashApiKey(live)));
}

TEST_F(SessionServiceTest, AnUnfinishedSignInExpiresAfterTheLoginTimeout) {
  SessionService sessions(*nodes.a, options(5000ms, 1s));
  const std::string state = randomToken();
  sessions.putLogin(state, "oidc", "{}", "/");
  const std::int64_t putBy = store::currentTimeMs(); // the flow expires at or before putBy + 1 s
  while (store::currentTimeMs() <= putBy + 1000 + 1)
    std::this_thread::sleep_for(20ms);
  EXPECT_FALSE(sessions.takeLogin(state));
}

// Sessions and sign-ins one node starts and the other must honour, on SQLite and on MariaDB
// (two connection pools on one database, as production's nodes share one MySQL).
class SessionServiceAcrossNodes : public ::testing::TestWithParam<store::testing::Backend> {
protected:
  testing::TwoNodes nodes{GetParam()};
  store::User user = makeUser(*nodes.a, "carol");
};

TEST_P(SessionServiceAcrossNodes, LogoutOnOneNodeHoldsOnTheOtherWithinTheCacheTtl) {
  constexpr auto kTtl = 300ms;
  SessionService onA(*nodes.a, options(kTtl));
  SessionService onB(*nodes.b, options(kTtl));
  const std::string cookie = onA.create(user.id, "oidc");
  ASSERT_TRUE(onB.find(cookie)); // B caches it now

  const auto loggedOutAt = std::chrono::steady_clock::now();
  onA.end(cookie);
  EXPECT_FALSE(onA.find(cookie));
  const bool stillCachedOnB = onB.find(cookie).has_value();
  if (std::chrono::steady_clock::now() - loggedOutAt < kTtl / 2) {
    EXPECT_TRUE(stillCachedOnB) << "B answers from its cache inside the TTL";
  }

  const auto deadline = loggedOutAt + 5s;
  while (onB.find(cookie) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(5ms);
  const auto took = std::chrono::steady_clock::now() - loggedOutAt;
  EXPECT_FALSE(onB.find(cookie));
  EXPECT_LE(took, kTtl + 100ms) << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms";
}

TEST_P(SessionServiceAcrossNodes, ASignInCanBeFinishedOnceOnAnyNode) {
  SessionService onA(*nodes.a, options(5000ms));
  SessionService onB(*nodes.b, options(5000ms));
  const std::string state = randomToken();
  onA.putLogin(state, "oidc", R"({"nonce":"n-1","verifier":"v-1"})", "/dashboard/keys");

  EXPECT_FALSE(nodes.a->sessions().takeLoginFlow(state, store::currentTimeMs())) << "the state is stored hashed";
  EXPECT_FALSE(onB.takeLogin(randomToken()));
  const auto flow = onB.takeLogin(state);
  ASSERT_TRUE(flow);
  EXPECT_EQ(flow->plugin, "oidc");
  EXPECT_EQ(flow->flow, R"({"nonce":"n-1","verifier":"v-1"})");
  EXPECT_EQ(flow->returnTo, "/dashboard/keys");
  EXPECT_FALSE(onA.takeLogin(state)) << "single use";
  EXPECT_FALSE(onB.takeLogin(state));
  EXPECT_FALSE(onB.takeLogin(""));
}

TEST_P(SessionServiceAcrossNodes, ACallbackArrivingOnBothNodesAtOnceFinishesTheSignInOnce) {
  // A browser retrying the identity provider's redirect can reach two nodes at the same moment.
  constexpr int kSignIns = 8;
  SessionService onA(*nodes.a, options(5000ms));
  SessionService onB(*nodes.b, options(5000ms));
  std::vector<std::string> states;
  for (int i = 0; i < kSignIns; ++i) {
    states.push_back(randomToken());
    onA.putLogin(states.back(), "oidc", "{}", "/");
  }
  for (const std::string& state : states) {
    std::latch bothReady(2);
    std::atomic<int> finished{0};
    const auto callback = [&](SessionService& node) {
      bothReady.arrive_and_wait();
      if (node.takeLogin(state))
        ++finished;
    };
    std::thread onNodeA(callback, std::ref(onA));
    std::thread onNodeB(callback, std::ref(onB));
    onNodeA.join();
    onNodeB.join();
    EXPECT_EQ(finished, 1);
  }
}

INSTANTIATE_TEST_SUITE_P(Drivers, SessionServiceAcrossNodes,
                         ::testing::Values(store::testing::Backend::Sqlite, store::testing::Backend::Mysql),
                         testing::DriverName{});

} // namespace
} // namespace gatehouse::auth
