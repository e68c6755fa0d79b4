// Two gateway nodes sharing one database: two independent Store objects opened on the same
// fresh database, as two processes would. What one node writes, the other sees only through
// the store, so cross-node promises (revocation within one refresh interval, logout within
// the session cache TTL) are tested as they happen in production. On SQLite the nodes are two
// handles on one temporary file; on MySQL (production's shared deployment) they are two
// connection pools on a new database of the private MariaDB the `mariadb` CTest fixture starts.
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
  explicit TwoNodes(store::testing::Backend backend = store::testing::Backend::Sqlite)
      : database(backend), a(store::openStore(database.config())), b(store::openStore(database.config())) {}

  // Declared first so it is dropped last, after both nodes have closed their connections.
  store::testing::TestDatabase database;
  std::unique_ptr<store::Store> a;
  std::unique_ptr<store::Store> b;
};

// Names each driver's instance of a cross-node suite "Drivers/<Suite>.<Test>/sqlite" or ".../mysql":
// tests/core/auth/CMakeLists.txt registers the "/mysql" ones as needing the `mariadb` fixture.
struct DriverName {
  template <typename ParamInfo>
  std::string operator()(const ParamInfo& paramInfo) const {
    return store::testing::backendName(paramInfo.param);
  }
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
