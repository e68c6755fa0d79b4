// The one suite both drivers must pass: every repository method, against SQLite in a temp folder
// and against the private MariaDB the `mariadb` CTest fixture starts.
#include <gatehouse/store/open_store.hpp>
#include <gatehouse/store/sql_store.hpp>
#include <gatehouse/store/store_error.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <latch>
#include <set>
#include <thread>

#include "test_databases.hpp"

namespace gatehouse::store {
namespace {

using testing::Backend;
using testing::TestDatabase;

constexpr std::int64_t kHour = 3600 * 1000;
constexpr std::int64_t kBaseHour = 1'764'000'000'000 / kHour * kHour; // an hour start in late 2025

class StoreConformance : public ::testing::TestWithParam<Backend> {
protected:
  void SetUp() override {
    database_ = std::make_unique<TestDatabase>(GetParam());
    store_ = openStore(database_->config());
  }

  User someUser(const std::string& subject = "") {
    return store_->users().create(NewUser{subject, "a@example.com", "Ada", Role::Member});
  }

  NewApiKey someKey(const std::string& owner, const std::string& hash) {
    NewApiKey key;
    key.keyHash = hash;
    key.prefix = "gh-" + hash.substr(0, 4);
    key.ownerUserId = owner;
    key.name = "ci key";
    key.scopes = {"chat", "embeddings"};
    return key;
  }

  static UsageEvent event(const std::string& requestId, std::int64_t startedAtMs = kBaseHour + 1000) {
    UsageEvent event;
    event.requestId = requestId;
    event.subject = "user-1";
    event.team = "team-1";
    event.app = "app-1";
    event.keyId = "key-1";
    event.provider = "openai";
    event.model = "gpt-4o";
    event.upstreamModel = "gpt-4o-2024-08-06";
    event.startedAtMs = startedAtMs;
    event.durationMs = 120;
    event.usage.prompt_tokens = 10;
    event.usage.completion_tokens = 5;
    event.costMicroUsd = 7;
    return event;
  }

  UsageAggregate total() {
    const auto rows =
        store_->usage().summarize(UsageQuery{0, kBaseHour + 1000 * kHour, UsageGroupBy::None, "", "", ""});
    return rows.empty() ? UsageAggregate{} : rows.front();
  }

  std::unique_ptr<TestDatabase> database_;
  std::unique_ptr<Store> store_;
};

// A well-formed stored hash (64 lowercase hex characters) that differs for every n.
std::string tokenHash(unsigned n) {
  char text[65];
  std::snprintf(text, sizeof text, "%064x", n);
  return text;
}

UsageQuery query(std::int64_t fromMs, std::int64_t toMs, UsageGroupBy groupBy) {
  UsageQuery query;
  query.fromMs = fromMs;
  query.toMs = toMs;
  query.groupBy = groupBy;
  return query;
}

void expectKind(StoreError::Kind kind, const std::function<void()>& action) {
  try {
    action();
    ADD_FAILURE() << "expected a StoreError";
  } catch (const StoreError& error) {
    EXPECT_EQ(static_cast<int>(error.kind()), static_cast<int>(kind)) << error.what();
  }
}

TEST_P(StoreConformance, ReportsItsDriverAndAnswersPing) {
  EXPECT_EQ(store_->driverName(), testing::backendName(GetParam()));
  EXPECT_NO_THROW(store_->ping());
}

TEST_P(StoreConformance, UsersCreateFindListAndUpdate) {
  const User ada = store_->users().create(NewUser{"oidc|ada", "ada@example.com", "Ada", Role::Admin});
  const User bob = store_->users().create(NewUser{"", "bob@example.com", "Bob", Role::Member});
  EXPECT_EQ(ada.id.size(), 32u);
  EXPECT_NE(ada.id, bob.id);

  const auto found = store_->users().findById(ada.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->externalSubject, "oidc|ada");
  EXPECT_EQ(found->email, "ada@example.com");
  EXPECT_EQ(found->role, Role::Admin);
  EXPECT_FALSE(found->disabled);
  EXPECT_EQ(found->createdAtMs, ada.createdAtMs);
  EXPECT_EQ(store_->users().findBySubject("oidc|ada")->id, ada.id);
  EXPECT_FALSE(store_->users().findBySubject(""));
  EXPECT_FALSE(store_->users().findById("nobody"));

  const auto all = store_->users().list("", 10);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_LT(all[0].id, all[1].id);
  const auto page = store_->users().list(all[0].id, 10);
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].id, all[1].id);
  EXPECT_EQ(store_->users().list("", 1).size(), 1u);

  User changed = *found;
  changed.displayName = "Ada L.";
  changed.disabled = true;
  changed.role = Role::Member;
  EXPECT_TRUE(store_->users().update(changed));
  EXPECT_TRUE(store_->users().update(changed)); // unchanged values still find the row
  const auto updated = store_->users().findById(ada.id);
  EXPECT_EQ(updated->displayName, "Ada L.");
  EXPECT_TRUE(updated->disabled);
  EXPECT_EQ(updated->role, Role::Member);
  changed.id = "missing";
  EXPECT_FALSE(store_->users().update(changed));
}

TEST_P(StoreConformance, ExternalSubjectIsUniqueButLocalUsersMayShareNone) {
  someUser("oidc|x");
  expectKind(StoreError::Kind::Conflict, [&] { someUser("oidc|x"); });
  someUser("");
  EXPECT_NO_THROW(someUser(""));
}

TEST_P(StoreConformance, TeamsAndMemberships) {
  const User ada = someUser();
  const User bob = someUser();
  const Team red = store_->teams().create(NewTeam{"red", 5'000'000});
  const Team blue = store_->teams().create(NewTeam{"blue", std::nullopt});
  expectKind(StoreError::Kind::Conflict, [&] { store_->teams().create(NewTeam{"red", std::nullopt}); });

  EXPECT_EQ(store_->teams().findById(red.id)->monthlyBudgetMicroUsd, 5'000'000);
  EXPECT_FALSE(store_->teams().findByName("blue")->monthlyBudgetMicroUsd);
  const auto teams = store_->teams().list();
  ASSERT_EQ(teams.size(), 2u);
  EXPECT_EQ(teams[0].name, "blue");

  store_->teams().putMember(red.id, ada.id, Role::Member);
  store_->teams().putMember(red.id, bob.id, Role::Member);
  store_->teams().putMember(blue.id, ada.id, Role::Member);
  store_->teams().putMember(red.id, ada.id, Role::Admin); // changes the role, adds no row
  const auto members = store_->teams().members(red.id);
  ASSERT_EQ(members.size(), 2u);
  const auto adaInRed =
      std::find_if(members.begin(), members.end(), [&](const auto& m) { return m.userId == ada.id; });
  EXPECT_EQ(adaInRed->role, Role::Admin);
  EXPECT_EQ(store_->teams().teamsOf(ada.id).size(), 2u);

  EXPECT_TRUE(store_->teams().removeMember(red.id, bob.id));
  EXPECT_FALSE(store_->teams().removeMember(red.id, bob.id));
  EXPECT_EQ(store_->teams().members(red.id).size(), 1u);
  expectKind(StoreError::Kind::Conflict, [&] { store_->teams().putMember("no-team", ada.id, Role::Member); });
  expectKind(StoreError::Kind::Conflict, [&] { store_->teams().putMember(red.id, "no-user", Role::Member); });
}

TEST_P(StoreConformance, ApiKeyRoundTripsEveryField) {
  const User owner = someUser();
  const Team team = store_->teams().create(NewTeam{"red", std::nullopt});
  NewApiKey key = someKey(owner.id, "hash-aaaa");
  key.teamId = team.id;
  key.role = Role::Admin;
  key.limits = ApiKeyLimits{60, 100'000, 20'000'000};
  key.expiresAtMs = kBaseHour + kHour;
  const ApiKey inserted = store_->apiKeys().insert(key);

  const auto found = store_->apiKeys().findByHash("hash-aaaa");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, inserted.id);
  EXPECT_EQ(found->prefix, "gh-hash");
  EXPECT_EQ(found->ownerUserId, owner.id);
  EXPECT_EQ(found->teamId, team.id);
  EXPECT_EQ(found->name, "ci key");
  EXPECT_EQ(found->role, Role::Admin);
  EXPECT_EQ(found->scopes, (std::vector<std::string>{"chat", "embeddings"}));
  EXPECT_EQ(found->limits, (ApiKeyLimits{60, 100'000, 20'000'000}));
  EXPECT_EQ(found->expiresAtMs, kBaseHour + kHour);
  EXPECT_FALSE(found->revokedAtMs);
  EXPECT_EQ(found->changeSeq, inserted.changeSeq);
  EXPECT_TRUE(found->usableAt(kBaseHour));
  EXPECT_FALSE(found->usableAt(kBaseHour + kHour));
  EXPECT_EQ(store_->apiKeys().findById(inserted.id)->keyHash, "hash-aaaa");
  EXPECT_FALSE(store_->apiKeys().findByHash("hash-none"));

  const ApiKey plain = store_->apiKeys().insert(someKey(owner.id, "hash-bbbb"));
  const auto noLimits = store_->apiKeys().findById(plain.id);
  EXPECT_EQ(noLimits->limits, ApiKeyLimits{});
  EXPECT_EQ(noLimits->teamId, "");
  EXPECT_FALSE(noLimits->expiresAtMs);
}

TEST_P(StoreConformance, ApiKeyInsertRefusesDuplicatesUnknownOwnersAndBadScopes) {
  const User owner = someUser();
  store_->apiKeys().insert(someKey(owner.id, "hash-1"));
  expectKind(StoreError::Kind::Conflict, [&] { store_->apiKeys().insert(someKey(owner.id, "hash-1")); });
  expectKind(StoreError::Kind::Conflict,
             [&] { store_->apiKeys().insert(someKey("no-such-user", "hash-2")); });
  NewApiKey spaced = someKey(owner.id, "hash-3");
  spaced.scopes = {"chat completions"};
  expectKind(StoreError::Kind::Invalid, [&] { store_->apiKeys().insert(spaced); });
  EXPECT_FALSE(store_->apiKeys().findByHash("hash-3"));
}

TEST_P(StoreConformance, ApiKeysListByOwnerNewestFirst) {
  const User owner = someUser();
  const User other = someUser();
  const ApiKey first = store_->apiKeys().insert(someKey(owner.id, "hash-1"));
  std::this_thread::sleep_for(std::chrono::milliseconds(3));
  const ApiKey second = store_->apiKeys().insert(someKey(owner.id, "hash-2"));
  store_->apiKeys().insert(someKey(other.id, "hash-3"));
  const auto keys = store_->apiKeys().listByOwner(owner.id);
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].id, second.id);
  EXPECT_EQ(keys[1].id, first.id);
}

TEST_P(StoreConformance, RevokeKeepsTheFirstRevocationTime) {
  const ApiKey key = store_->apiKeys().insert(someKey(someUser().id, "hash-1"));
  EXPECT_TRUE(store_->apiKeys().revoke(key.id, 1000));
  EXPECT_FALSE(store_->apiKeys().revoke(key.id, 2000));
  EXPECT_FALSE(store_->apiKeys().revoke("missing", 2000));
  const auto revoked = store_->apiKeys().findById(key.id);
  EXPECT_EQ(revoked->revokedAtMs, 1000);
  EXPECT_FALSE(revoked->usableAt(0));
}

TEST_P(StoreConformance, UpdateScopesAndLimits) {
  const ApiKey key = store_->apiKeys().insert(someKey(someUser().id, "hash-1"));
  EXPECT_TRUE(store_->apiKeys().updateScopes(key.id, {"admin:keys"}));
  EXPECT_TRUE(store_->apiKeys().updateLimits(key.id, ApiKeyLimits{10, std::nullopt, 5}));
  EXPECT_FALSE(store_->apiKeys().updateScopes("missing", {"chat"}));
  expectKind(StoreError::Kind::Invalid, [&] { store_->apiKeys().updateScopes(key.id, {""}); });
  const auto updated = store_->apiKeys().findById(key.id);
  EXPECT_EQ(updated->scopes, std::vector<std::string>{"admin:keys"});
  EXPECT_EQ(updated->limits, (ApiKeyLimits{10, std::nullopt, 5}));
  EXPECT_GT(updated->changeSeq, key.changeSeq);
}

TEST_P(StoreConformance, ChangedSinceReportsEveryKeyChangeInOrder) {
  const User owner = someUser();
  const ApiKey a = store_->apiKeys().insert(someKey(owner.id, "hash-a"));
  const ApiKey b = store_->apiKeys().insert(someKey(owner.id, "hash-b"));
  const ApiKeyChanges all = store_->apiKeys().changedSince(0, 100);
  ASSERT_EQ(all.keys.size(), 2u);
  EXPECT_EQ(all.keys[0].id, a.id);
  EXPECT_EQ(all.keys[1].id, b.id);
  EXPECT_EQ(all.cursor, b.changeSeq);

  EXPECT_TRUE(store_->apiKeys().changedSince(all.cursor, 100).keys.empty());
  EXPECT_EQ(store_->apiKeys().changedSince(all.cursor, 100).cursor, all.cursor);

  store_->apiKeys().revoke(a.id, 5);
  const ApiKey c = store_->apiKeys().insert(someKey(owner.id, "hash-c"));
  const ApiKeyChanges next = store_->apiKeys().changedSince(all.cursor, 1);
  ASSERT_EQ(next.keys.size(), 1u); // the limit pages
  EXPECT_EQ(next.keys[0].id, a.id);
  EXPECT_EQ(next.keys[0].revokedAtMs, 5);
  const ApiKeyChanges last = store_->apiKeys().changedSince(next.cursor, 100);
  ASSERT_EQ(last.keys.size(), 1u);
  EXPECT_EQ(last.keys[0].id, c.id);
}

TEST_P(StoreConformance, ProvidersUpsertAndList) {
  store_->providers().put(Provider{"openai", "openai", R"({"base_url":"https://api.openai.com"})", true});
  store_->providers().put(Provider{"anthropic", "anthropic", "{}", true});
  store_->providers().put(Provider{"openai", "openai-compat", "{}", false});
  const auto openai = store_->providers().find("openai");
  ASSERT_TRUE(openai);
  EXPECT_EQ(openai->plugin, "openai-compat");
  EXPECT_EQ(openai->configJson, "{}");
  EXPECT_FALSE(openai->enabled);
  EXPECT_GT(openai->createdAtMs, 0);
  const auto all = store_->providers().list();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].name, "anthropic");
  EXPECT_FALSE(store_->providers().find("gemini"));
}

TEST_P(StoreConformance, CredentialsKeepCiphertextBytesExactly) {
  store_->providers().put(Provider{"openai", "openai", "{}", true});
  const std::string nonce("\x00\x01\xff\xfe\x80\x7f\x00\x10\x20\x30\x40\x50", 12);
  std::string ciphertext;
  for (int i = 0; i < 300; ++i)
    ciphertext.push_back(static_cast<char>(i * 37 % 256));
  const ProviderCredential stored = store_->providers().addCredential(
      NewProviderCredential{"openai", "prod", "master-2025", nonce, ciphertext});
  store_->providers().addCredential(NewProviderCredential{"openai", "backup", "master-2025", "n", "c"});

  const auto found = store_->providers().findCredential(stored.id);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->nonce, nonce);
  EXPECT_EQ(found->ciphertext, ciphertext);
  EXPECT_EQ(found->keyId, "master-2025");
  EXPECT_EQ(found->label, "prod");
  EXPECT_EQ(store_->providers().credentials("openai").size(), 2u);
  EXPECT_TRUE(store_->providers().revokeCredential(stored.id, 99));
  EXPECT_FALSE(store_->providers().revokeCredential(stored.id, 100));
  EXPECT_EQ(store_->providers().findCredential(stored.id)->revokedAtMs, 99);
  expectKind(StoreError::Kind::Conflict, [&] {
    store_->providers().addCredential(NewProviderCredential{"nobody", "x", "k", "n", "c"});
  });
}

TEST_P(StoreConformance, ModelsRoutesAndAliases) {
  store_->models().put(Model{"gpt-4o", "flagship", true});
  store_->models().put(Model{"claude", "", true});
  store_->models().put(Model{"gpt-4o", "updated", false});
  const auto model = store_->models().find("gpt-4o");
  ASSERT_TRUE(model);
  EXPECT_EQ(model->description, "updated");
  EXPECT_FALSE(model->enabled);
  EXPECT_EQ(store_->models().list().size(), 2u);

  store_->models().setRoutes("gpt-4o", {ModelRoute{"gpt-4o", 2, "azure", "", "gpt-4o", 1},
                                        ModelRoute{"gpt-4o", 1, "openai", "cred-1", "gpt-4o-2024", 3}});
  auto routes = store_->models().routes("gpt-4o");
  ASSERT_EQ(routes.size(), 2u);
  EXPECT_EQ(routes[0], (ModelRoute{"gpt-4o", 1, "openai", "cred-1", "gpt-4o-2024", 3}));
  EXPECT_EQ(routes[1].providerName, "azure");
  store_->models().setRoutes("gpt-4o", {ModelRoute{"gpt-4o", 1, "azure", "", "gpt-4o", 1}});
  EXPECT_EQ(store_->models().routes("gpt-4o").size(), 1u); // replaced, not added
  expectKind(StoreError::Kind::Conflict, [&] { store_->models().setRoutes("nope", {}); });

  store_->models().addAlias(ModelAlias{"gpt4", "gpt-4o"});
  store_->models().addAlias(ModelAlias{"sonnet", "claude"});
  EXPECT_EQ(store_->models().resolveAlias("gpt4"), "gpt-4o");
  EXPECT_FALSE(store_->models().resolveAlias("gpt5"));
  expectKind(StoreError::Kind::Conflict, [&] { store_->models().addAlias(ModelAlias{"gpt4", "claude"}); });
  expectKind(StoreError::Kind::Conflict, [&] { store_->models().addAlias(ModelAlias{"claude", "gpt-4o"}); });
  expectKind(StoreError::Kind::Conflict, [&] { store_->models().addAlias(ModelAlias{"x", "missing"}); });
  expectKind(StoreError::Kind::Conflict, [&] { store_->models().put(Model{"sonnet", "", true}); });
  EXPECT_EQ(store_->models().aliases(), (std::vector<ModelAlias>{{"gpt4", "gpt-4o"}, {"sonnet", "claude"}}));
  EXPECT_TRUE(store_->models().removeAlias("gpt4"));
  EXPECT_FALSE(store_->models().removeAlias("gpt4"));
  EXPECT_FALSE(store_->models().resolveAlias("gpt4"));
}

TEST_P(StoreConformance, PriceAtPicksThePriceInForce) {
  ModelPrice old{"openai", "gpt-4o", 1000, 5'000'000, 2'500'000, 15'000'000, 0, 0, 0};
  ModelPrice current{"openai", "gpt-4o", 2000, 2'500'000, 1'250'000, 10'000'000, 40'000, 6'000, 15'000'000};
  store_->models().putPrice(old);
  store_->models().putPrice(current);
  store_->models().putPrice(ModelPrice{"azure", "gpt-4o", 0, 1, 1, 1, 1, 1, 1});
  EXPECT_FALSE(store_->models().priceAt("openai", "gpt-4o", 999));
  EXPECT_EQ(store_->models().priceAt("openai", "gpt-4o", 1000), old);
  EXPECT_EQ(store_->models().priceAt("openai", "gpt-4o", 1999), old);
  EXPECT_EQ(store_->models().priceAt("openai", "gpt-4o", 5000), current);
  current.outputPerMillionTokens = 9;
  store_->models().putPrice(current); // same key: replaced
  EXPECT_EQ(store_->models().priceAt("openai", "gpt-4o", 5000)->outputPerMillionTokens, 9);
  EXPECT_EQ(store_->models().prices().size(), 3u);
}

TEST_P(StoreConformance, UsageEventRoundTripsEveryField) {
  UsageEvent sent = event("req-1");
  sent.endpoint = GH_ENDPOINT_EMBEDDINGS;
  sent.streamed = true;
  sent.httpStatus = 429;
  sent.usage.cached_prompt_tokens = 3;
  sent.usage.reasoning_tokens = 4;
  sent.usage.images = 2;
  sent.usage.audio_milliseconds = 1500;
  sent.usage.characters = 99;
  sent.usage.image_width = 1792;
  sent.usage.image_height = 1024;
  sent.usage.image_quality = GH_IMAGE_QUALITY_HIGH;
  EXPECT_EQ(store_->usage().insert({&sent, 1}), 1u);
  const auto found = store_->usage().find("req-1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->subject, "user-1");
  EXPECT_EQ(found->team, "team-1");
  EXPECT_EQ(found->app, "app-1");
  EXPECT_EQ(found->keyId, "key-1");
  EXPECT_EQ(found->provider, "openai");
  EXPECT_EQ(found->model, "gpt-4o");
  EXPECT_EQ(found->upstreamModel, "gpt-4o-2024-08-06");
  EXPECT_EQ(found->endpoint, GH_ENDPOINT_EMBEDDINGS);
  EXPECT_TRUE(found->streamed);
  EXPECT_EQ(found->httpStatus, 429);
  EXPECT_EQ(found->startedAtMs, sent.startedAtMs);
  EXPECT_EQ(found->durationMs, 120);
  EXPECT_EQ(found->usage.prompt_tokens, 10);
  EXPECT_EQ(found->usage.completion_tokens, 5);
  EXPECT_EQ(found->usage.cached_prompt_tokens, 3);
  EXPECT_EQ(found->usage.reasoning_tokens, 4);
  EXPECT_EQ(found->usage.images, 2);
  EXPECT_EQ(found->usage.audio_milliseconds, 1500);
  EXPECT_EQ(found->usage.characters, 99);
  EXPECT_EQ(found->usage.image_width, 1792);
  EXPECT_EQ(found->usage.image_height, 1024);
  EXPECT_EQ(found->usage.image_quality, GH_IMAGE_QUALITY_HIGH);
  EXPECT_EQ(found->costMicroUsd, 7);
  EXPECT_FALSE(store_->usage().find("req-2"));
}

TEST_P(StoreConformance, UsageImageFieldsAreStoredPerEventInABatch) {
  // Each row of a multi-row insert gets its own values: a shifted placeholder would mix them up.
  std::vector<UsageEvent> batch;
  for (int i = 0; i < 3; ++i) {
    UsageEvent e = event("img-" + std::to_string(i));
    e.endpoint = GH_ENDPOINT_IMAGES;
    e.usage.images = 1;
    e.usage.image_width = 256 << i;
    e.usage.image_height = 512 + i;
    e.usage.image_quality = GH_IMAGE_QUALITY_LOW + i;
    batch.push_back(e);
  }
  batch.push_back(event("chat")); // no image: all three stay 0
  ASSERT_EQ(store_->usage().insert(batch), 4u);
  for (int i = 0; i < 3; ++i) {
    const auto found = store_->usage().find("img-" + std::to_string(i));
    ASSERT_TRUE(found);
    EXPECT_EQ(found->usage.image_width, 256 << i);
    EXPECT_EQ(found->usage.image_height, 512 + i);
    EXPECT_EQ(found->usage.image_quality, GH_IMAGE_QUALITY_LOW + i);
    EXPECT_EQ(found->costMicroUsd, 7) << "the column just before the image columns";
  }
  const auto chat = store_->usage().find("chat");
  ASSERT_TRUE(chat);
  EXPECT_EQ(chat->usage.image_width, 0);
  EXPECT_EQ(chat->usage.image_height, 0);
  EXPECT_EQ(chat->usage.image_quality, GH_IMAGE_QUALITY_UNKNOWN);
}

TEST_P(StoreConformance, UsageInsertIsIdempotentOnRequestId) {
  std::vector<UsageEvent> batch = {event("a"), event("b"), event("a")}; // repeated inside the batch too
  EXPECT_EQ(store_->usage().insert(batch), 2u);
  EXPECT_EQ(store_->usage().insert(batch), 0u);
  std::vector<UsageEvent> overlapping = {event("b"), event("c")};
  EXPECT_EQ(store_->usage().insert(overlapping), 1u);
  EXPECT_EQ(total().requests, 3);
  EXPECT_EQ(total().promptTokens, 30);
}

TEST_P(StoreConformance, RollupsCountOnlyRowsActuallyInserted) {
  std::vector<UsageEvent> batch;
  for (int i = 0; i < 10; ++i) {
    UsageEvent e = event("r" + std::to_string(i), kBaseHour + (i % 2) * kHour + 5);
    e.subject = i < 6 ? "ada" : "bob";
    e.model = i < 3 ? "gpt-4o" : "claude";
    e.httpStatus = i == 0 ? 500 : 200;
    e.costMicroUsd = i == 1 ? -1 : 100;
    batch.push_back(e);
  }
  store_->usage().insert(batch);
  store_->usage().insert(std::span(batch).subspan(0, 5)); // retried half: nothing new

  const auto byUser = store_->usage().summarize(query(kBaseHour, kBaseHour + 2 * kHour, UsageGroupBy::User));
  ASSERT_EQ(byUser.size(), 2u);
  EXPECT_EQ(byUser[0].key, "ada");
  EXPECT_EQ(byUser[0].requests, 6);
  EXPECT_EQ(byUser[0].errorRequests, 1);
  EXPECT_EQ(byUser[0].unpricedRequests, 1);
  EXPECT_EQ(byUser[0].costMicroUsd, 500); // six events, one unpriced (-1 is not money)
  EXPECT_EQ(byUser[0].promptTokens, 60);
  EXPECT_EQ(byUser[0].durationMs, 720);
  EXPECT_EQ(byUser[1].key, "bob");
  EXPECT_EQ(byUser[1].requests, 4);

  const auto byModel =
      store_->usage().summarize(query(kBaseHour, kBaseHour + 2 * kHour, UsageGroupBy::Model));
  ASSERT_EQ(byModel.size(), 2u);
  EXPECT_EQ(byModel[0].key, "claude");
  EXPECT_EQ(byModel[0].requests, 7);
  EXPECT_EQ(byModel[1].requests, 3);

  const auto byHour = store_->usage().summarize(query(kBaseHour, kBaseHour + 2 * kHour, UsageGroupBy::Hour));
  ASSERT_EQ(byHour.size(), 2u);
  EXPECT_EQ(byHour[0].key, std::to_string(kBaseHour));
  EXPECT_EQ(byHour[0].requests, 5);
  EXPECT_EQ(byHour[1].key, std::to_string(kBaseHour + kHour));

  const auto firstHour = store_->usage().summarize(query(kBaseHour, kBaseHour + kHour, UsageGroupBy::None));
  ASSERT_EQ(firstHour.size(), 1u);
  EXPECT_EQ(firstHour[0].requests, 5);
  const auto bobsTeam = store_->usage().summarize(
      UsageQuery{kBaseHour, kBaseHour + 2 * kHour, UsageGroupBy::Team, "bob", "", ""});
  ASSERT_EQ(bobsTeam.size(), 1u);
  EXPECT_EQ(bobsTeam[0].key, "team-1");
  EXPECT_EQ(bobsTeam[0].requests, 4);
  const auto byKey = store_->usage().summarize(
      UsageQuery{kBaseHour, kBaseHour + 2 * kHour, UsageGroupBy::Key, "", "", "key-1"});
  ASSERT_EQ(byKey.size(), 1u);
  EXPECT_EQ(byKey[0].requests, 10);
  EXPECT_TRUE(store_->usage().summarize(query(0, kBaseHour, UsageGroupBy::None)).empty());
  EXPECT_EQ(store_->usage().summarize(query(kBaseHour, kBaseHour + 2 * kHour, UsageGroupBy::App))[0].key,
            "app-1");
}

TEST_P(StoreConformance, LargeBatchesOfAnySizeAreWrittenWhole) {
  std::vector<UsageEvent> batch;
  for (int i = 0; i < 1234; ++i)
    batch.push_back(event("big-" + std::to_string(i)));
  EXPECT_EQ(store_->usage().insert(batch), 1234u);
  EXPECT_EQ(total().requests, 1234);
  EXPECT_TRUE(store_->usage().find("big-1233"));
}

TEST_P(StoreConformance, UsageEventWithoutRequestIdIsInvalid) {
  std::vector<UsageEvent> batch = {event("fine"), event("")};
  expectKind(StoreError::Kind::Invalid, [&] { store_->usage().insert(batch); });
  EXPECT_FALSE(store_->usage().find("fine")); // the whole transaction rolled back
  EXPECT_EQ(total().requests, 0);
}

TEST_P(StoreConformance, OversizedAndInvalidUtf8TextIsStoredTrimmed) {
  UsageEvent e = event("trim");
  e.app = std::string(100, 'x');
  e.model = std::string("bad\xff\xfe utf8");
  store_->usage().insert({&e, 1});
  const auto found = store_->usage().find("trim");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->app, std::string(64, 'x'));
  EXPECT_EQ(found->model, "bad\xef\xbf\xbd\xef\xbf\xbd utf8");
}

TEST_P(StoreConformance, FourByteUtf8RoundTripsEverywhere) {
  const std::string emoji = "\xf0\x9f\x9a\x80 launch \xf0\x9f\x90\x99"; // rocket, octopus
  const User user = store_->users().create(NewUser{"sub-" + emoji, "e@example.com", emoji, Role::Member});
  EXPECT_EQ(store_->users().findById(user.id)->displayName, emoji);
  EXPECT_EQ(store_->users().findBySubject("sub-" + emoji)->id, user.id);
  const Team team = store_->teams().create(NewTeam{emoji, std::nullopt});
  EXPECT_EQ(store_->teams().findByName(emoji)->id, team.id);
  store_->audit().append(
      NewAuditEntry{user.id, "user.rename", "user", user.id, "{\"name\":\"" + emoji + "\"}"});
  EXPECT_EQ(store_->audit().list(AuditQuery{})[0].detailJson, "{\"name\":\"" + emoji + "\"}");
  UsageEvent e = event("emoji");
  e.app = emoji;
  store_->usage().insert({&e, 1});
  EXPECT_EQ(store_->usage().find("emoji")->app, emoji);
  const auto byApp = store_->usage().summarize(query(kBaseHour, kBaseHour + kHour, UsageGroupBy::App));
  ASSERT_EQ(byApp.size(), 1u);
  EXPECT_EQ(byApp[0].key, emoji);
}

TEST_P(StoreConformance, AuditLogAppendsAndListsNewestFirst) {
  const AuditEntry first =
      store_->audit().append(NewAuditEntry{"ada", "api_key.create", "api_key", "k1", "{}"});
  const AuditEntry second =
      store_->audit().append(NewAuditEntry{"bob", "api_key.revoke", "api_key", "k1", "{}"});
  const AuditEntry third =
      store_->audit().append(NewAuditEntry{"ada", "api_key.revoke", "api_key", "k2", "{}"});
  EXPECT_LT(first.id, second.id);
  EXPECT_LT(second.id, third.id);

  // Migrations write audit rows too; filter to this test's actors.
  const auto adas = store_->audit().list(AuditQuery{0, 100, "ada", ""});
  ASSERT_EQ(adas.size(), 2u);
  EXPECT_EQ(adas[0].id, third.id);
  EXPECT_EQ(adas[0].targetId, "k2");
  EXPECT_EQ(adas[1].action, "api_key.create");
  const auto revokes = store_->audit().list(AuditQuery{0, 100, "", "api_key.revoke"});
  ASSERT_EQ(revokes.size(), 2u);
  const auto page = store_->audit().list(AuditQuery{third.id, 1, "", ""});
  ASSERT_EQ(page.size(), 1u);
  EXPECT_EQ(page[0].id, second.id);
  EXPECT_GT(page[0].atMs, 0);
}

TEST_P(StoreConformance, ConcurrentUsageWritersCountEveryEventOnce) {
  constexpr int kThreads = 4;
  constexpr int kEvents = 400;
  std::vector<std::thread> threads;
  std::atomic<std::size_t> inserted{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Every thread sends the same request ids, in a different order and batch size.
      for (int start = 0; start < kEvents;) {
        const int size = 10 + t * 7;
        std::vector<UsageEvent> batch;
        for (int i = start; i < std::min(kEvents, start + size); ++i) {
          const int id = t % 2 == 0 ? i : kEvents - 1 - i;
          batch.push_back(event("c-" + std::to_string(id)));
        }
        inserted += store_->usage().insert(batch);
        start += size;
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  EXPECT_EQ(inserted.load(), static_cast<std::size_t>(kEvents));
  EXPECT_EQ(total().requests, kEvents);
}

TEST_P(StoreConformance, ConcurrentKeyWritersGetDistinctChangeNumbers) {
  const User owner = someUser();
  std::vector<std::thread> threads;
  std::mutex mutex;
  std::set<std::int64_t> seqs;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        const ApiKey key =
            store_->apiKeys().insert(someKey(owner.id, "h-" + std::to_string(t) + "-" + std::to_string(i)));
        std::lock_guard<std::mutex> lock(mutex);
        seqs.insert(key.changeSeq);
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  EXPECT_EQ(seqs.size(), 40u);
  const ApiKeyChanges changes = store_->apiKeys().changedSince(0, 1000);
  ASSERT_EQ(changes.keys.size(), 40u);
  EXPECT_TRUE(std::is_sorted(changes.keys.begin(), changes.keys.end(),
                             [](const ApiKey& a, const ApiKey& b) { return a.changeSeq < b.changeSeq; }));
}

TEST_P(StoreConformance, DisabledRoundTripsThroughEveryKeyRead) {
  const User owner = someUser();
  const ApiKey key = store_->apiKeys().insert(someKey(owner.id, "hash-1"));
  EXPECT_FALSE(key.disabled);
  EXPECT_FALSE(store_->apiKeys().findById(key.id)->disabled);

  EXPECT_TRUE(store_->apiKeys().setDisabled(key.id, true));
  const auto byHash = store_->apiKeys().findByHash("hash-1");
  ASSERT_TRUE(byHash);
  EXPECT_TRUE(byHash->disabled);
  EXPECT_FALSE(byHash->usableAt(0));
  EXPECT_TRUE(store_->apiKeys().findById(key.id)->disabled);
  EXPECT_TRUE(store_->apiKeys().listByOwner(owner.id).at(0).disabled);
  EXPECT_TRUE(store_->apiKeys().list("", 10).at(0).disabled);
  EXPECT_TRUE(store_->apiKeys().changedSince(key.changeSeq, 10).keys.at(0).disabled);

  EXPECT_TRUE(store_->apiKeys().setDisabled(key.id, true));  // already so: still found
  EXPECT_TRUE(store_->apiKeys().setDisabled(key.id, false)); // unlike revocation, reversible
  const auto enabled = store_->apiKeys().findByHash("hash-1");
  EXPECT_FALSE(enabled->disabled);
  EXPECT_TRUE(enabled->usableAt(0));
  EXPECT_FALSE(store_->apiKeys().setDisabled("missing", true));
}

TEST_P(StoreConformance, EveryNewKeyWriteTakesTheNextChangeNumber) {
  const ApiKey key = store_->apiKeys().insert(someKey(someUser().id, "hash-1"));
  std::int64_t lastSeq = key.changeSeq;
  std::int64_t lastUpdated = key.updatedAtMs;
  // Each write must show up to a cache polling changedSince from the previous number, carrying
  // the new value, and stamp the key as updated.
  const auto expectNextChange = [&](const char* write) -> ApiKey {
    const ApiKeyChanges changes = store_->apiKeys().changedSince(lastSeq, 10);
    EXPECT_EQ(changes.keys.size(), 1u) << write;
    if (changes.keys.empty())
      return ApiKey{};
    EXPECT_EQ(changes.keys[0].id, key.id) << write;
    EXPECT_EQ(changes.keys[0].changeSeq, lastSeq + 1) << write;
    EXPECT_GE(changes.keys[0].updatedAtMs, lastUpdated) << write;
    lastSeq = changes.keys[0].changeSeq;
    lastUpdated = changes.keys[0].updatedAtMs;
    return changes.keys[0];
  };

  ASSERT_TRUE(store_->apiKeys().setDisabled(key.id, true));
  EXPECT_TRUE(expectNextChange("setDisabled").disabled);

  ASSERT_TRUE(store_->apiKeys().updateExpiry(key.id, kBaseHour));
  EXPECT_EQ(expectNextChange("updateExpiry").expiresAtMs, kBaseHour);
  ASSERT_TRUE(store_->apiKeys().updateExpiry(key.id, std::nullopt));
  EXPECT_FALSE(expectNextChange("updateExpiry to never").expiresAtMs);

  const std::string emoji = "deploy \xf0\x9f\x9a\x80";
  ASSERT_TRUE(store_->apiKeys().rename(key.id, emoji));
  const ApiKey renamed = expectNextChange("rename");
  EXPECT_EQ(renamed.name, emoji);
  // The writes change only what they name.
  EXPECT_TRUE(renamed.disabled);
  EXPECT_EQ(renamed.scopes, key.scopes);
  EXPECT_EQ(renamed.keyHash, key.keyHash);
  EXPECT_EQ(renamed.createdAtMs, key.createdAtMs);

  EXPECT_FALSE(store_->apiKeys().updateExpiry("missing", 5));
  EXPECT_FALSE(store_->apiKeys().rename("missing", "x"));
  EXPECT_TRUE(store_->apiKeys().changedSince(lastSeq, 10).keys.empty()) << "a miss takes no number";
}

TEST_P(StoreConformance, TouchOwnerGivesEachOfTheUsersKeysItsOwnNewChangeNumber) {
  const User owner = someUser();
  const User other = someUser();
  std::vector<ApiKey> owned;
  for (int i = 0; i < 3; ++i)
    owned.push_back(store_->apiKeys().insert(someKey(owner.id, "hash-o" + std::to_string(i))));
  store_->apiKeys().revoke(owned[2].id, 7); // revoked keys are the owner's keys too
  const ApiKey othersKey = store_->apiKeys().insert(someKey(other.id, "hash-x"));
  const std::int64_t cursor = store_->apiKeys().changedSince(0, 100).cursor;

  EXPECT_EQ(store_->apiKeys().touchOwner(owner.id), 3u);

  // Paging one key at a time must still see all three: numbers are never shared.
  std::set<std::string> seen;
  std::set<std::int64_t> seqs;
  std::int64_t next = cursor;
  for (int page = 0; page < 5; ++page) {
    const ApiKeyChanges changes = store_->apiKeys().changedSince(next, 1);
    if (changes.keys.empty())
      break;
    seen.insert(changes.keys[0].id);
    seqs.insert(changes.keys[0].changeSeq);
    next = changes.cursor;
  }
  EXPECT_EQ(seen, (std::set<std::string>{owned[0].id, owned[1].id, owned[2].id}));
  EXPECT_EQ(seqs.size(), 3u);
  EXPECT_EQ(*seqs.begin(), cursor + 1);
  EXPECT_EQ(*seqs.rbegin(), cursor + 3);

  // Nothing about the keys changed but their number.
  const auto first = store_->apiKeys().findById(owned[0].id);
  EXPECT_EQ(first->name, owned[0].name);
  EXPECT_EQ(first->updatedAtMs, owned[0].updatedAtMs);
  EXPECT_EQ(store_->apiKeys().findById(owned[2].id)->revokedAtMs, 7);
  EXPECT_EQ(store_->apiKeys().findById(othersKey.id)->changeSeq, othersKey.changeSeq);

  EXPECT_EQ(store_->apiKeys().touchOwner("nobody"), 0u);
  const ApiKey later = store_->apiKeys().insert(someKey(other.id, "hash-y"));
  EXPECT_EQ(later.changeSeq, cursor + 4) << "touching nobody takes no number";
}

TEST_P(StoreConformance, ApiKeysListPagesById) {
  const User ada = someUser();
  const User bob = someUser();
  std::set<std::string> ids;
  for (int i = 0; i < 5; ++i)
    ids.insert(
        store_->apiKeys().insert(someKey(i % 2 == 0 ? ada.id : bob.id, "hash-" + std::to_string(i))).id);

  std::vector<std::string> listed;
  std::string after;
  for (int page = 0; page < 10; ++page) {
    const auto keys = store_->apiKeys().list(after, 2);
    if (keys.empty())
      break;
    EXPECT_LE(keys.size(), 2u);
    for (const ApiKey& key : keys)
      listed.push_back(key.id);
    after = keys.back().id;
  }
  EXPECT_EQ(listed, std::vector<std::string>(ids.begin(), ids.end())); // every key once, by id
  EXPECT_EQ(store_->apiKeys().list("", 100).size(), 5u);
  EXPECT_EQ(store_->apiKeys().list("", 0).size(), 1u) << "a limit below 1 still lists one";
}

TEST_P(StoreConformance, SessionsCreateFindAndRemove) {
  const User ada = someUser();
  const User bob = someUser();
  const Session session{tokenHash(1), ada.id, "oidc", kBaseHour, kBaseHour + kHour};
  store_->sessions().create(session);
  store_->sessions().create(Session{tokenHash(2), ada.id, "oidc", kBaseHour, kBaseHour + kHour});
  store_->sessions().create(Session{tokenHash(3), bob.id, "oidc", kBaseHour, kBaseHour + kHour});

  const auto found = store_->sessions().find(tokenHash(1));
  ASSERT_TRUE(found);
  EXPECT_EQ(found->idHash, session.idHash);
  EXPECT_EQ(found->userId, ada.id);
  EXPECT_EQ(found->plugin, "oidc");
  EXPECT_EQ(found->createdAtMs, kBaseHour);
  EXPECT_EQ(found->expiresAtMs, kBaseHour + kHour);
  EXPECT_FALSE(store_->sessions().find(tokenHash(9)));
  EXPECT_FALSE(store_->sessions().find("not-a-hash"));

  EXPECT_TRUE(store_->sessions().remove(tokenHash(1)));
  EXPECT_FALSE(store_->sessions().remove(tokenHash(1)));
  EXPECT_FALSE(store_->sessions().find(tokenHash(1)));
  EXPECT_FALSE(store_->sessions().remove("not-a-hash"));

  store_->sessions().create(Session{tokenHash(4), ada.id, "oidc", kBaseHour, kBaseHour + kHour});
  EXPECT_EQ(store_->sessions().removeForUser(ada.id), 2u);
  EXPECT_EQ(store_->sessions().removeForUser(ada.id), 0u);
  EXPECT_FALSE(store_->sessions().find(tokenHash(2)));
  EXPECT_TRUE(store_->sessions().find(tokenHash(3))) << "another user's session stays";
}

TEST_P(StoreConformance, SessionsRefuseUnknownUsersTakenHashesAndMalformedFields) {
  const User ada = someUser();
  expectKind(StoreError::Kind::Conflict, [&] {
    store_->sessions().create(Session{tokenHash(1), "no-such-user", "oidc", 0, 1});
  });
  store_->sessions().create(Session{tokenHash(1), ada.id, "oidc", 0, 1});
  expectKind(StoreError::Kind::Conflict, [&] {
    store_->sessions().create(Session{tokenHash(1), ada.id, "oidc", 0, 2});
  });
  for (const std::string& badHash : {std::string(), std::string(63, 'a'), std::string(65, 'a'),
                                     std::string(64, 'A'), std::string(64, 'g')}) {
    expectKind(StoreError::Kind::Invalid, [&] {
      store_->sessions().create(Session{badHash, ada.id, "oidc", 0, 1});
    });
  }
  expectKind(StoreError::Kind::Invalid, [&] {
    store_->sessions().create(Session{tokenHash(2), ada.id, "", 0, 1});
  });
  expectKind(StoreError::Kind::Invalid, [&] {
    store_->sessions().create(Session{tokenHash(2), ada.id, std::string(kMaxPluginNameBytes + 1, 'p'), 0, 1});
  });
  EXPECT_NO_THROW(
      store_->sessions().create(Session{tokenHash(2), ada.id, std::string(kMaxPluginNameBytes, 'p'), 0, 1}));
}

TEST_P(StoreConformance, DeletingAUserDeletesTheirSessions) {
  // No repository deletes users yet; the foreign key must still not leave sessions behind.
  const User ada = someUser();
  const User bob = someUser();
  store_->sessions().create(Session{tokenHash(1), ada.id, "oidc", 0, kBaseHour});
  store_->sessions().create(Session{tokenHash(2), bob.id, "oidc", 0, kBaseHour});
  static_cast<SqlStore&>(*store_).database().write(WriteRetry::Always, [&](SqlConnection& connection) {
    connection.execute("DELETE FROM users WHERE id = ?", {ada.id});
  });
  EXPECT_FALSE(store_->sessions().find(tokenHash(1)));
  EXPECT_TRUE(store_->sessions().find(tokenHash(2)));
}

TEST_P(StoreConformance, RemoveExpiredDeletesSessionsAndSignInsThatHaveExpired) {
  const User ada = someUser();
  store_->sessions().create(Session{tokenHash(1), ada.id, "oidc", 0, 1000});
  store_->sessions().create(Session{tokenHash(2), ada.id, "oidc", 0, 2000});
  store_->sessions().create(Session{tokenHash(3), ada.id, "oidc", 0, 2001});
  store_->sessions().putLoginFlow(LoginFlow{tokenHash(11), "oidc", "{}", "/", 1500});
  store_->sessions().putLoginFlow(LoginFlow{tokenHash(12), "oidc", "{}", "/", 2001});

  EXPECT_EQ(store_->sessions().removeExpired(2000), 3u); // expired at 2000 means expiresAtMs <= 2000
  EXPECT_FALSE(store_->sessions().find(tokenHash(1)));
  EXPECT_FALSE(store_->sessions().find(tokenHash(2)));
  EXPECT_TRUE(store_->sessions().find(tokenHash(3)));
  EXPECT_FALSE(store_->sessions().takeLoginFlow(tokenHash(11), 0))
      << "swept, so gone even for an earlier clock";
  EXPECT_TRUE(store_->sessions().takeLoginFlow(tokenHash(12), 2000));
  EXPECT_EQ(store_->sessions().removeExpired(2000), 0u);
}

TEST_P(StoreConformance, LoginFlowIsTakenOnlyOnce) {
  const std::string flowData = R"({"nonce":"n-1","verifier":"v-1"})";
  store_->sessions().putLoginFlow(
      LoginFlow{tokenHash(1), "oidc", flowData, "/dashboard?tab=keys", kBaseHour});
  expectKind(StoreError::Kind::Conflict, [&] {
    store_->sessions().putLoginFlow(LoginFlow{tokenHash(1), "oidc", "{}", "/", kBaseHour});
  });

  EXPECT_FALSE(store_->sessions().takeLoginFlow(tokenHash(2), 0));
  EXPECT_FALSE(store_->sessions().takeLoginFlow("not-a-hash", 0));
  const auto taken = store_->sessions().takeLoginFlow(tokenHash(1), kBaseHour - 1);
  ASSERT_TRUE(taken);
  EXPECT_EQ(taken->stateHash, tokenHash(1));
  EXPECT_EQ(taken->plugin, "oidc");
  EXPECT_EQ(taken->flow, flowData);
  EXPECT_EQ(taken->returnTo, "/dashboard?tab=keys");
  EXPECT_EQ(taken->expiresAtMs, kBaseHour);
  EXPECT_FALSE(store_->sessions().takeLoginFlow(tokenHash(1), kBaseHour - 1));
}

TEST_P(StoreConformance, ExpiredLoginFlowIsNotReturnedAndIsGone) {
  store_->sessions().putLoginFlow(LoginFlow{tokenHash(1), "oidc", "{}", "/", kBaseHour});
  EXPECT_FALSE(store_->sessions().takeLoginFlow(tokenHash(1), kBaseHour));
  EXPECT_FALSE(store_->sessions().takeLoginFlow(tokenHash(1), 0)) << "an expired flow is deleted when met";
}

TEST_P(StoreConformance, LoginFlowFieldsAreBoundedTheSameOnEveryDriver) {
  const auto put = [&](unsigned n, const std::string& flow, const std::string& returnTo) {
    store_->sessions().putLoginFlow(LoginFlow{tokenHash(n), "oidc", flow, returnTo, kBaseHour});
  };
  // Multi-byte characters: the limit is in bytes, and MySQL must hold them exactly.
  std::string largest;
  while (largest.size() + 4 <= kMaxLoginFlowBytes)
    largest += "\xf0\x9f\x90\x99";
  largest.append(kMaxLoginFlowBytes - largest.size(), 'x');
  ASSERT_EQ(largest.size(), kMaxLoginFlowBytes);
  put(1, largest, std::string(kMaxReturnToBytes, '/'));
  const auto taken = store_->sessions().takeLoginFlow(tokenHash(1), 0);
  ASSERT_TRUE(taken);
  EXPECT_EQ(taken->flow, largest);
  EXPECT_EQ(taken->returnTo, std::string(kMaxReturnToBytes, '/'));

  expectKind(StoreError::Kind::Invalid, [&] { put(2, largest + "x", "/"); });
  expectKind(StoreError::Kind::Invalid, [&] { put(3, "{}", std::string(kMaxReturnToBytes + 1, '/')); });
  expectKind(StoreError::Kind::Invalid, [&] { put(4, "bad\xff utf8", "/"); });
  expectKind(StoreError::Kind::Invalid, [&] {
    store_->sessions().putLoginFlow(LoginFlow{std::string(64, 'Z'), "oidc", "{}", "/", kBaseHour});
  });
  expectKind(StoreError::Kind::Invalid, [&] {
    store_->sessions().putLoginFlow(LoginFlow{tokenHash(5), "", "{}", "/", kBaseHour});
  });
  for (unsigned n = 2; n <= 5; ++n)
    EXPECT_FALSE(store_->sessions().takeLoginFlow(tokenHash(n), 0));
}

// Two gateway nodes (two stores on one database, each with its own connections) race for the
// same callback many times: each sign-in must be finished exactly once.
TEST_P(StoreConformance, ConcurrentTakesFromTwoNodesReturnTheFlowExactlyOnce) {
  auto otherNode = openStore(database_->config());
  constexpr unsigned kFlows = 40;
  for (unsigned n = 0; n < kFlows; ++n)
    store_->sessions().putLoginFlow(
        LoginFlow{tokenHash(n), "oidc", "flow-" + std::to_string(n), "/", kBaseHour});

  std::vector<int> wins(kFlows, 0);
  std::mutex winsMutex;
  std::latch start(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    Store* node = t % 2 == 0 ? store_.get() : otherNode.get();
    threads.emplace_back([&, t, node] {
      start.arrive_and_wait();
      for (unsigned i = 0; i < kFlows; ++i) {
        const unsigned n = t < 2 ? i : kFlows - 1 - i; // half the threads walk the other way
        const auto taken = node->sessions().takeLoginFlow(tokenHash(n), 0);
        if (taken) {
          EXPECT_EQ(taken->flow, "flow-" + std::to_string(n));
          std::lock_guard<std::mutex> lock(winsMutex);
          ++wins[n];
        }
      }
    });
  }
  for (auto& thread : threads)
    thread.join();
  EXPECT_EQ(wins, std::vector<int>(kFlows, 1));
}

INSTANTIATE_TEST_SUITE_P(Drivers, StoreConformance, ::testing::Values(Backend::Sqlite, Backend::Mysql),
                         [](const auto& paramInfo) { return testing::backendName(paramInfo.param); });

} // namespace
} // namespace gatehouse::store
