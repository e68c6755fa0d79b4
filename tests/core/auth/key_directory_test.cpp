#include <gatehouse/auth/api_key_secret.hpp>
#include <gatehouse/auth/key_directory.hpp>
#include <gatehouse/store/store_clock.hpp>
#include <gatehouse/store/store_error.hpp>

#include <gtest/gtest.h>

#include <instrumented_store.hpp>
#include <two_nodes.hpp>

#include <atomic>
#include <chrono>
#include <thread>

namespace gatehouse::auth {
namespace {

using testing::InstrumentedStore;
using testing::IssuedKey;
using testing::issueKey;
using testing::makeUser;
using Lookup = CredentialDirectory::Lookup;

// Tests that drive refreshOnce() themselves keep the background refresher out of the way.
constexpr KeyDirectoryOptions kManualRefresh{std::chrono::hours(1), 1000};

class KeyDirectoryTest : public ::testing::Test {
protected:
  testing::TwoNodes nodes;
  store::User owner = makeUser(*nodes.a, "owner");
};

TEST_F(KeyDirectoryTest, IsNotLoadedBeforeStart) {
  const IssuedKey key = issueKey(*nodes.a, owner.id);
  KeyDirectory directory(*nodes.a, kManualRefresh);
  CredentialRecord record;
  EXPECT_EQ(directory.find(key.secret, record), Lookup::NotLoaded);
  EXPECT_EQ(directory.lastRefreshMs(), 0);
  const std::int64_t before = store::currentTimeMs();
  directory.start();
  EXPECT_EQ(directory.find(key.secret, record), Lookup::Found);
  EXPECT_GE(directory.lastRefreshMs(), before);
}

TEST_F(KeyDirectoryTest, FindsAKeyWithEverythingTheStoreHolds) {
  const store::Team team = nodes.a->teams().create(store::NewTeam{"research", std::nullopt});
  const GeneratedApiKey generated = generateApiKey();
  store::NewApiKey newKey;
  newKey.keyHash = generated.hash;
  newKey.prefix = generated.displayPrefix;
  newKey.ownerUserId = owner.id;
  newKey.teamId = team.id;
  newKey.name = "notebook";
  newKey.role = store::Role::Admin;
  newKey.scopes = {"model:gpt-4o*", "endpoint:chat", "endpoint:embeddings"};
  newKey.limits.requestsPerMinute = 60;
  newKey.limits.tokensPerMinute = 90'000;
  newKey.limits.monthlyBudgetMicroUsd = 25'000'000;
  newKey.expiresAtMs = store::currentTimeMs() + 86'400'000;
  const store::ApiKey stored = nodes.a->apiKeys().insert(newKey);

  KeyDirectory directory(*nodes.a, kManualRefresh);
  directory.start();
  CredentialRecord record;
  ASSERT_EQ(directory.find(generated.secret, record), Lookup::Found);
  EXPECT_EQ(record.keyId, stored.id);
  EXPECT_EQ(record.owner, owner.id);
  EXPECT_EQ(record.team, team.id);
  EXPECT_EQ(record.name, "notebook");
  EXPECT_EQ(record.scopes, "model:gpt-4o* endpoint:chat endpoint:embeddings");
  EXPECT_EQ(record.role, GH_ROLE_ADMIN);
  EXPECT_EQ(record.expiresAtMs, *newKey.expiresAtMs);
  EXPECT_EQ(record.revokedAtMs, 0);
  EXPECT_EQ(record.requestsPerMinute, 60);
  EXPECT_EQ(record.tokensPerMinute, 90'000);
  EXPECT_EQ(record.monthlyBudgetMicroUsd, 25'000'000);
  EXPECT_FALSE(record.disabled);
  EXPECT_FALSE(record.ownerDisabled);
}

TEST_F(KeyDirectoryTest, AbsentLimitsAndExpiryReadAsZero) {
  const IssuedKey key = issueKey(*nodes.a, owner.id);
  KeyDirectory directory(*nodes.a, kManualRefresh);
  directory.start();
  CredentialRecord record;
  ASSERT_EQ(directory.find(key.secret, record), Lookup::Found);
  EXPECT_EQ(record.scopes, "");
  EXPECT_EQ(record.team, "");
  EXPECT_EQ(record.role, GH_ROLE_MEMBER);
  EXPECT_EQ(record.expiresAtMs, 0);
  EXPECT_EQ(record.requestsPerMinute, 0);
  EXPECT_EQ(record.tokensPerMinute, 0);
  EXPECT_EQ(record.monthlyBudgetMicroUsd, 0);
}

TEST_F(KeyDirectoryTest, UnknownAndMalformedSecretsAreNotFound) {
  const IssuedKey key = issueKey(*nodes.a, owner.id);
  KeyDirectory directory(*nodes.a, kManualRefresh);
  directory.start();
  CredentialRecord record;
  EXPECT_EQ(directory.find(generateApiKey().secret, record), Lookup::NotFound);
  std::string altered = key.secret;
  altered[20] = altered[20] == 'A' ? 'B' : 'A';
  EXPECT_EQ(directory.find(altered, record), Lookup::NotFound);
  EXPECT_EQ(directory.find(key.secret.substr(0, 46), record), Lookup::NotFound);
  EXPECT_EQ(directory.find("", record), Lookup::NotFound);
  EXPECT_EQ(directory.find(key.stored.keyHash, record), Lookup::NotFound) << "the hash is not the key";
  EXPECT_EQ(record.keyId, "") << "a miss leaves the output alone";
}

TEST_F(KeyDirectoryTest, LoadsEveryKeyPageByPage) {
  std::vector<IssuedKey> keys;
  for (int i = 0; i < 7; ++i)
    keys.push_back(issueKey(*nodes.a, owner.id));
  ASSERT_TRUE(nodes.a->apiKeys().revoke(keys[3].stored.id, store::currentTimeMs()));
  KeyDirectory directory(*nodes.a, KeyDirectoryOptions{std::chrono::hours(1), 2});
  directory.start();
  EXPECT_EQ(directory.size(), 6u) << "revoked keys are not held";
  CredentialRecord record;
  for (std::size_t i = 0; i < keys.size(); ++i)
    EXPECT_EQ(directory.find(keys[i].secret, record), i == 3 ? Lookup::NotFound : Lookup::Found) << i;
}

TEST_F(KeyDirectoryTest, AnOlderCopyAppliedLateDoesNotBringARevokedKeyBack) {
  const IssuedKey key = issueKey(*nodes.a, owner.id);
  KeyDirectory directory(*nodes.a, kManualRefresh);
  directory.start();

  ASSERT_TRUE(nodes.a->apiKeys().updateScopes(key.stored.id, {"endpoint:chat"}));
  const store::ApiKey beforeRevocation = *nodes.a->apiKeys().findById(key.stored.id);
  ASSERT_TRUE(nodes.a->apiKeys().revoke(key.stored.id, store::currentTimeMs()));
  directory.apply(*nodes.a->apiKeys().findById(key.stored.id));
  // A slower admin request that read the key before the revocation applies its copy now.
  directory.apply(beforeRevocation);
  CredentialRecord record;
  EXPECT_EQ(directory.find(key.secret, record), Lookup::NotFound);
  directory.refreshOnce();
  EXPECT_EQ(directory.find(key.secret, record), Lookup::NotFound);
  directory.apply(beforeRevocation); // after the feed passed the revocation too
  EXPECT_EQ(directory.find(key.secret, record), Lookup::NotFound);
}

TEST_F(KeyDirectoryTest, ApplyAndReloadShowThisNodesWritesBeforeThePoll) {
  KeyDirectory directory(*nodes.a, kManualRefresh);
  directory.start();
  const IssuedKey key = issueKey(*nodes.a, owner.id, {"endpoint:chat"});
  CredentialRecord record;
  EXPECT_EQ(directory.find(key.secret, record), Lookup::NotFound);
  directory.apply(key.stored);
  ASSERT_EQ(directory.find(key.secret, record), Lookup::Found);
  EXPECT_EQ(record.scopes, "endpoint:chat");

  ASSERT_TRUE(nodes.a->apiKeys().rename(key.stored.id, "renamed"));
  ASSERT_TRUE(nodes.a->apiKeys().updateLimits(key.stored.id, store::ApiKeyLimits{10, std::nullopt, 5}));
  directory.reload(key.stored.id);
  ASSERT_EQ(directory.find(key.secret, record), Lookup::Found);
  EXPECT_EQ(record.name, "renamed");
  EXPECT_EQ(record.requestsPerMinute, 10);
  EXPECT_EQ(record.tokensPerMinute, 0);
  EXPECT_EQ(record.monthlyBudgetMicroUsd, 5);
}

TEST_F(KeyDirectoryTest, OwnerReadOncePerPollNotOncePerKey) {
  for (int i = 0; i < 5; ++i)
    issueKey(*nodes.a, owner.id);
  InstrumentedStore counted(*nodes.a);
  KeyDirectory directory(counted, kManualRefresh);
  directory.start();
  // One changedSince page (short, so the last) and one findById for the one owner.
  EXPECT_EQ(counted.calls(), 2);
}

TEST_F(KeyDirectoryTest, ExpiryChangesAreReported) {
  const IssuedKey key = issueKey(*nodes.a, owner.id);
  KeyDirectory onB(*nodes.b, kManualRefresh);
  onB.start();
  const std::int64_t past = store::currentTimeMs() - 1000;
  ASSERT_TRUE(nodes.a->apiKeys().updateExpiry(key.stored.id, past));
  onB.refreshOnce();
  CredentialRecord record;
  ASSERT_EQ(onB.find(key.secret, record), Lookup::Found) << "the plugin decides what expired means";
  EXPECT_EQ(record.expiresAtMs, past);
  ASSERT_TRUE(nodes.a->apiKeys().updateExpiry(key.stored.id, std::nullopt));
  onB.refreshOnce();
  ASSERT_EQ(onB.find(key.secret, record), Lookup::Found);
  EXPECT_EQ(record.expiresAtMs, 0);
}

TEST_F(KeyDirectoryTest, StartFailsWhileTheStoreIsDown) {
  issueKey(*nodes.a, owner.id);
  InstrumentedStore flaky(*nodes.a);
  flaky.setDown(true);
  KeyDirectory directory(flaky, kManualRefresh);
  EXPECT_THROW(directory.start(), store::StoreError);
  CredentialRecord record;
  EXPECT_EQ(directory.find(generateApiKey().secret, record), Lookup::NotLoaded);
  flaky.setDown(false);
  directory.start();
  EXPECT_EQ(directory.size(), 1u);
}

TEST_F(KeyDirectoryTest, StoreOutageKeepsServingTheLastGoodCopy) {
  const IssuedKey key = issueKey(*nodes.a, owner.id, {"endpoint:chat"});
  InstrumentedStore flaky(*nodes.b);
  KeyDirectory onB(flaky, KeyDirectoryOptions{std::chrono::milliseconds(20), 1000});
  onB.start();

  flaky.setDown(true);
  // Polls run one at a time, so once this one failed no earlier poll can still succeed.
  EXPECT_THROW(onB.refreshOnce(), store::StoreError);
  const std::int64_t lastGoodPoll = onB.lastRefreshMs();
  EXPECT_GT(lastGoodPoll, 0);
  ASSERT_TRUE(nodes.a->apiKeys().updateScopes(key.stored.id, {"endpoint:embeddings"}));
  // Let the background refresher fail a few times too.
  const int callsAtOutage = flaky.calls();
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (flaky.calls() < callsAtOutage + 3 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  ASSERT_GE(flaky.calls(), callsAtOutage + 3) << "the refresher kept retrying";
  CredentialRecord record;
  ASSERT_EQ(onB.find(key.secret, record), Lookup::Found);
  EXPECT_EQ(record.scopes, "endpoint:chat");
  EXPECT_EQ(onB.lastRefreshMs(), lastGoodPoll) << "failed polls do not count as refreshes";

  flaky.setDown(false);
  onB.refreshOnce();
  ASSERT_EQ(onB.find(key.secret, record), Lookup::Found);
  EXPECT_EQ(record.scopes, "endpoint:embeddings") << "nothing changed during the outage was skipped";
  EXPECT_GE(onB.lastRefreshMs(), lastGoodPoll);
}

TEST_F(KeyDirectoryTest, StopEndsTheRefresherAndKeepsAnswering) {
  const IssuedKey key = issueKey(*nodes.a, owner.id);
  KeyDirectory directory(*nodes.a, KeyDirectoryOptions{std::chrono::milliseconds(10), 1000});
  directory.start();
  directory.stop();
  const std::int64_t stoppedAt = directory.lastRefreshMs();
  ASSERT_TRUE(nodes.a->apiKeys().revoke(key.stored.id, store::currentTimeMs()));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_EQ(directory.lastRefreshMs(), stoppedAt) << "no poll after stop()";
  CredentialRecord record;
  EXPECT_EQ(directory.find(key.secret, record), Lookup::Found);
}

TEST_F(KeyDirectoryTest, LookupsRunConcurrentlyWithPollsAndApplies) {
  std::vector<IssuedKey> keys;
  for (int i = 0; i < 20; ++i)
    keys.push_back(issueKey(*nodes.a, owner.id));
  KeyDirectory directory(*nodes.a, KeyDirectoryOptions{std::chrono::milliseconds(1), 1000});
  directory.start();
  std::atomic<bool> done{false};
  std::atomic<int> misses{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&, t] {
      CredentialRecord record;
      // Keys 0..9 are never touched; 10..19 change scopes all the time but stay findable.
      for (int i = 0; !done; ++i) {
        if (directory.find(keys[static_cast<std::size_t>((i + t) % 20)].secret, record) != Lookup::Found)
          ++misses;
      }
    });
  }
  for (int round = 0; round < 20; ++round) {
    const IssuedKey& key = keys[static_cast<std::size_t>(10 + round % 10)];
    ASSERT_TRUE(nodes.a->apiKeys().updateScopes(key.stored.id, {"endpoint:chat" + std::to_string(round)}));
    directory.reload(key.stored.id);
  }
  done = true;
  for (std::thread& reader : readers)
    reader.join();
  EXPECT_EQ(misses, 0);
}

// What one node changes and the other must see, on SQLite and on MariaDB (two connection pools
// on one database, as production's nodes share one MySQL).
class KeyDirectoryAcrossNodes : public ::testing::TestWithParam<store::testing::Backend> {
protected:
  testing::TwoNodes nodes{GetParam()};
  store::User owner = makeUser(*nodes.a, "owner");
};

TEST_P(KeyDirectoryAcrossNodes, RevocationOnOneNodeHoldsThereAtOnceAndOnTheOtherAfterOnePoll) {
  const IssuedKey key = issueKey(*nodes.a, owner.id);
  KeyDirectory onA(*nodes.a, kManualRefresh);
  KeyDirectory onB(*nodes.b, kManualRefresh);
  onA.start();
  onB.start();

  ASSERT_TRUE(nodes.a->apiKeys().revoke(key.stored.id, store::currentTimeMs()));
  onA.apply(*nodes.a->apiKeys().findById(key.stored.id));
  CredentialRecord record;
  EXPECT_EQ(onA.find(key.secret, record), Lookup::NotFound);
  EXPECT_EQ(onB.find(key.secret, record), Lookup::Found) << "node B has not polled yet";

  onB.refreshOnce();
  EXPECT_EQ(onB.find(key.secret, record), Lookup::NotFound);
  EXPECT_EQ(onB.size(), 0u);
}

TEST_P(KeyDirectoryAcrossNodes, ScopeChangeOnAnotherNodeHoldsAfterOnePoll) {
  const IssuedKey key = issueKey(*nodes.a, owner.id, {"model:gpt-4o*"});
  KeyDirectory onB(*nodes.b, kManualRefresh);
  onB.start();
  ASSERT_TRUE(nodes.a->apiKeys().updateScopes(key.stored.id, {"model:claude-*", "endpoint:chat"}));
  CredentialRecord record;
  ASSERT_EQ(onB.find(key.secret, record), Lookup::Found);
  EXPECT_EQ(record.scopes, "model:gpt-4o*");
  onB.refreshOnce();
  ASSERT_EQ(onB.find(key.secret, record), Lookup::Found);
  EXPECT_EQ(record.scopes, "model:claude-* endpoint:chat");
}

TEST_P(KeyDirectoryAcrossNodes, DisabledKeyIsReportedAndCanBeSwitchedBackOn) {
  const IssuedKey key = issueKey(*nodes.a, owner.id);
  KeyDirectory onB(*nodes.b, kManualRefresh);
  onB.start();
  CredentialRecord record;
  ASSERT_TRUE(nodes.a->apiKeys().setDisabled(key.stored.id, true));
  onB.refreshOnce();
  ASSERT_EQ(onB.find(key.secret, record), Lookup::Found);
  EXPECT_TRUE(record.disabled);
  ASSERT_TRUE(nodes.a->apiKeys().setDisabled(key.stored.id, false));
  onB.refreshOnce();
  ASSERT_EQ(onB.find(key.secret, record), Lookup::Found);
  EXPECT_FALSE(record.disabled);
}

TEST_P(KeyDirectoryAcrossNodes, OwnerDisabledOnAnotherNodeHoldsAfterTouchOwner) {
  const IssuedKey first = issueKey(*nodes.a, owner.id);
  const IssuedKey second = issueKey(*nodes.a, owner.id);
  const store::User bystander = makeUser(*nodes.a, "bystander");
  const IssuedKey unrelated = issueKey(*nodes.a, bystander.id);
  KeyDirectory onB(*nodes.b, kManualRefresh);
  onB.start();

  store::User disabled = owner;
  disabled.disabled = true;
  ASSERT_TRUE(nodes.a->users().update(disabled));
  EXPECT_EQ(nodes.a->apiKeys().touchOwner(owner.id), 2u);
  onB.refreshOnce();
  CredentialRecord record;
  for (const IssuedKey* key : {&first, &second}) {
    ASSERT_EQ(onB.find(key->secret, record), Lookup::Found);
    EXPECT_TRUE(record.ownerDisabled);
    EXPECT_FALSE(record.disabled);
  }
  ASSERT_EQ(onB.find(unrelated.secret, record), Lookup::Found);
  EXPECT_FALSE(record.ownerDisabled);
}

TEST_P(KeyDirectoryAcrossNodes, BackgroundRefreshPicksUpAChangeWithinTwoIntervals) {
  const IssuedKey key = issueKey(*nodes.a, owner.id);
  constexpr auto kInterval = std::chrono::milliseconds(250);
  KeyDirectory onB(*nodes.b, KeyDirectoryOptions{kInterval, 1000});
  onB.start();
  CredentialRecord record;
  ASSERT_EQ(onB.find(key.secret, record), Lookup::Found);

  const auto revokedAt = std::chrono::steady_clock::now();
  ASSERT_TRUE(nodes.a->apiKeys().revoke(key.stored.id, store::currentTimeMs()));
  const auto deadline = revokedAt + std::chrono::seconds(10);
  while (onB.find(key.secret, record) == Lookup::Found && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  const auto took = std::chrono::steady_clock::now() - revokedAt;
  EXPECT_EQ(onB.find(key.secret, record), Lookup::NotFound);
  EXPECT_LE(took, 2 * kInterval) << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms";
}

TEST_P(KeyDirectoryAcrossNodes, ChangesWrittenOnBothNodesAtOnceAreAllSeenByAPollingNode) {
  // Both nodes write while node B's directory polls as fast as it can. Were a change number
  // visible before an earlier one committed, a poll would move the cursor past that earlier
  // change for good; the last change to each key shows whether any was skipped.
  constexpr int kKeysPerNode = 10;
  constexpr int kRounds = 4;
  std::vector<IssuedKey> keysOfA;
  std::vector<IssuedKey> keysOfB;
  for (int i = 0; i < kKeysPerNode; ++i) {
    keysOfA.push_back(issueKey(*nodes.a, owner.id));
    keysOfB.push_back(issueKey(*nodes.a, owner.id));
  }
  KeyDirectory onB(*nodes.b, KeyDirectoryOptions{std::chrono::milliseconds(1), 1000});
  onB.start();
  const auto writeRounds = [](store::Store& node, const std::vector<IssuedKey>& written, const std::string& tag) {
    for (int round = 0; round < kRounds; ++round) {
      for (const IssuedKey& key : written)
        EXPECT_TRUE(node.apiKeys().updateScopes(key.stored.id, {"endpoint:" + tag + std::to_string(round)}));
    }
  };
  std::thread writerOnA([&] { writeRounds(*nodes.a, keysOfA, "a"); });
  std::thread writerOnB([&] { writeRounds(*nodes.b, keysOfB, "b"); });
  writerOnA.join();
  writerOnB.join();

  onB.refreshOnce(); // picks up whatever the background polls had not reached yet
  const std::string last = std::to_string(kRounds - 1);
  CredentialRecord record;
  for (const auto& [keys, tag] : {std::pair{&keysOfA, "a"}, std::pair{&keysOfB, "b"}}) {
    for (const IssuedKey& key : *keys) {
      ASSERT_EQ(onB.find(key.secret, record), Lookup::Found);
      EXPECT_EQ(record.scopes, "endpoint:" + std::string(tag) + last) << key.stored.id;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Drivers, KeyDirectoryAcrossNodes,
                         ::testing::Values(store::testing::Backend::Sqlite, store::testing::Backend::Mysql),
                         testing::DriverName{});

} // namespace
} // namespace gatehouse::auth
