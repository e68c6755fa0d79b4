// Two gateway nodes sharing one database: two independent Store objects opened on the same
// temporary SQLite file, as two processes would. What one node writes, the other sees
// only through the store, so cross-node promises (revocation within one refresh interval,
// logout within the session cache TTL) are tested as they happen in production.
#pragma once

#include <gatehouse/auth/api_key_secret.hpp>
#include <gatehouse/store/open_store.hpp>
#include <gatehouse/store/store.hpp>

#include <test_databases.hpp>

#include <memory>
#include <string>
#include <vector>

namespace gatehouse::auth::testing {

struct TwoNodes {
  store::testing::TestDatabase database{store::testing::Backend::Sqlite};
  std::unique_ptr<store::Store> a = store::openStore(database.config());
  std::unique_ptr<store::Store> b = store::openStore(database.config());
};

inline store::User makeUser(store::Store& store, const std::string& name, store::Role role = store::Role::Member) {
  store::NewUser user;
  user.email = name + "@example.test";
  user.displayName = name;
  user.role = role;
  return store.users().create(user);
}

// A key as the admin API creates one: the secret goes to the test, the store gets the hash.
struct IssuedKey {
  std::string secret;
  store::ApiKey stored;
};

inline IssuedKey issueKey(store::Store& store, const std::string& ownerId, std::vector<std::string> scopes = {},
                          const std::string& teamId = "") {
  const GeneratedApiKey generated = generateApiKey();
  store::NewApiKey key;
  key.keyHash = generated.hash;
  key.prefix = generated.displayPrefix;
  key.ownerUserId = ownerId;
  key.teamId = teamId;
  key.name = "test-app";
  key.scopes = std::move(scopes);
  return IssuedKey{generated.secret, store.apiKeys().insert(key)};
}

} // namespace gatehouse::auth::testing
