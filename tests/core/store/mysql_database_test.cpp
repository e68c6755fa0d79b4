// What only the MySQL driver promises: a bounded pool, recovery from dead connections, clean
// failures for bad credentials or no server, utf8mb4 and READ COMMITTED sessions.
#include <gatehouse/store/mysql_database.hpp>
#include <gatehouse/store/mysql_failure.hpp>
#include <gatehouse/store/open_store.hpp>
#include <gatehouse/store/sql_store.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>

#include "test_databases.hpp"

namespace gatehouse::store {
namespace {

using testing::Backend;
using testing::TestDatabase;

MysqlSettings settingsFor(const TestDatabase& database) {
  return MysqlSettings::fromConfig(database.config().mysql);
}

TEST(MysqlDatabase, SessionsUseUtf8mb4AndReadCommitted) {
  TestDatabase database(Backend::Mysql);
  MysqlDatabase mysql(settingsFor(database));
  mysql.read([](SqlConnection& connection) {
    const auto row =
        connection.query("SELECT @@character_set_connection, @@session.tx_isolation, @@session.time_zone");
    EXPECT_EQ(row.front().text(0), "utf8mb4");
    EXPECT_EQ(row.front().text(1), "READ-COMMITTED");
    EXPECT_EQ(row.front().text(2), "+00:00");
  });
}

TEST(MysqlDatabase, PoolIsBoundedAndABorrowWaitsThenTimesOut) {
  TestDatabase database(Backend::Mysql);
  MysqlSettings settings = settingsFor(database);
  settings.poolSize = 2;
  settings.borrowTimeout = std::chrono::milliseconds(200);
  MysqlPool pool(settings);
  {
    MysqlPool::Lease first = pool.borrow();
    MysqlPool::Lease second = pool.borrow();
    EXPECT_EQ(pool.openConnections(), 2);
    const auto started = std::chrono::steady_clock::now();
    try {
      pool.borrow();
      ADD_FAILURE() << "a third connection was handed out";
    } catch (const StoreError& error) {
      EXPECT_EQ(error.kind(), StoreError::Kind::Unavailable);
    }
    EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(190));
  }
  EXPECT_EQ(pool.idleConnections(), 2);
  MysqlPool::Lease again = pool.borrow(); // reuses an idle one
  EXPECT_EQ(pool.openConnections(), 2);
}

TEST(MysqlDatabase, KilledConnectionsAreReplacedAndTheWorkRetried) {
  TestDatabase database(Backend::Mysql);
  auto owned = std::make_unique<MysqlDatabase>(settingsFor(database));
  MysqlDatabase& mysql = *owned;
  SqlStore store(std::move(owned), mysqlMigrations());
  store.migrate();
  store.users().create(NewUser{"before", "", "", Role::Member});

  // Hold every pooled connection at once so all of them get killed, as a server restart would.
  std::vector<std::int64_t> ids;
  {
    std::vector<MysqlPool::Lease> leases;
    for (int i = 0; i < 4; ++i) {
      leases.push_back(mysql.pool().borrow());
      ids.push_back(leases.back()->query("SELECT CONNECTION_ID()").front().int64(0));
    }
  }
  MysqlSettings adminSettings = settingsFor(database);
  MysqlConnection admin(adminSettings);
  for (const std::int64_t id : ids)
    admin.executeOnce("KILL CONNECTION " + std::to_string(id));

  EXPECT_EQ(store.users().findBySubject("before")->externalSubject, "before");
  EXPECT_NO_THROW(store.users().create(NewUser{"after", "", "", Role::Member}));
  EXPECT_TRUE(store.users().findBySubject("after"));
  EXPECT_LE(mysql.pool().openConnections(), 4);
}

TEST(MysqlDatabase, WrongPasswordFailsAsUnavailableWithoutEchoingIt) {
  TestDatabase database(Backend::Mysql);
  StorageConfig config = database.config();
  setenv("GATEHOUSE_TEST_WRONG_PASSWORD", "Wr0ng-Passw0rd!", 1);
  config.mysql.passwordRef = "env:GATEHOUSE_TEST_WRONG_PASSWORD";
  try {
    openStore(config);
    ADD_FAILURE() << "connected with a wrong password";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.kind(), StoreError::Kind::Unavailable);
    EXPECT_EQ(std::string(error.what()).find("Wr0ng-Passw0rd!"), std::string::npos) << error.what();
  }
  unsetenv("GATEHOUSE_TEST_WRONG_PASSWORD");
}

TEST(MysqlDatabase, NoServerListeningFailsFastAsUnavailable) {
  TestDatabase database(Backend::Mysql);
  StorageConfig config = database.config();
  config.mysql.port = 1; // nothing listens on port 1 of loopback
  const auto started = std::chrono::steady_clock::now();
  try {
    openStore(config);
    ADD_FAILURE() << "connected to nothing";
  } catch (const MysqlFailure& error) {
    EXPECT_EQ(error.kind(), StoreError::Kind::Unavailable);
    EXPECT_TRUE(error.connectionLost());
  }
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST(MysqlDatabase, FailedWorkRollsBackAndTheConnectionStaysUsable) {
  TestDatabase database(Backend::Mysql);
  auto store = openStore(database.config());
  auto& sqlStore = static_cast<SqlStore&>(*store);
  EXPECT_THROW(sqlStore.database().write(WriteRetry::Always,
                                         [](SqlConnection& connection) {
                                           connection.execute(
                                               "INSERT INTO store_counters (name, value) VALUES ('x', 1)");
                                           throw StoreError(StoreError::Kind::Invalid, "stop");
                                         }),
               StoreError);
  sqlStore.database().read([](SqlConnection& connection) {
    EXPECT_EQ(connection.query("SELECT COUNT(*) FROM store_counters WHERE name = 'x'").front().int64(0), 0);
  });
}

} // namespace
} // namespace gatehouse::store
