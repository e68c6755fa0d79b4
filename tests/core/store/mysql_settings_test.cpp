#include <gatehouse/store/mysql_settings.hpp>
#include <gatehouse/store/store_error.hpp>

#include <gtest/gtest.h>

#include <cstdlib>

namespace gatehouse::store {
namespace {

TEST(MysqlSettings, CopiesTheConfigAndResolvesThePassword) {
  setenv("GATEHOUSE_TEST_DB_PASSWORD", "pw", 1);
  MysqlConfig config;
  config.host = "db.internal";
  config.port = 3307;
  config.socket = "/run/mysqld.sock";
  config.database = "gh";
  config.user = "gate";
  config.passwordRef = "env:GATEHOUSE_TEST_DB_PASSWORD";
  config.poolSize = 3;
  config.connectTimeoutSeconds = 7;
  config.tls = true;
  config.tlsCaFile = "/etc/ca.pem";
  const MysqlSettings settings = MysqlSettings::fromConfig(config);
  EXPECT_EQ(settings.host, "db.internal");
  EXPECT_EQ(settings.port, 3307);
  EXPECT_EQ(settings.socket, "/run/mysqld.sock");
  EXPECT_EQ(settings.database, "gh");
  EXPECT_EQ(settings.user, "gate");
  EXPECT_EQ(settings.password, "pw");
  EXPECT_EQ(settings.poolSize, 3);
  EXPECT_EQ(settings.connectTimeout, std::chrono::seconds(7));
  EXPECT_TRUE(settings.tls);
  EXPECT_EQ(settings.tlsCaFile, "/etc/ca.pem");
  unsetenv("GATEHOUSE_TEST_DB_PASSWORD");
}

TEST(MysqlSettings, RefusesValuesThatCannotWork) {
  MysqlConfig noPool;
  noPool.poolSize = 0;
  EXPECT_THROW(MysqlSettings::fromConfig(noPool), StoreError);
  MysqlConfig noTimeout;
  noTimeout.connectTimeoutSeconds = 0;
  EXPECT_THROW(MysqlSettings::fromConfig(noTimeout), StoreError);
  MysqlConfig nowhere;
  nowhere.host = "";
  EXPECT_THROW(MysqlSettings::fromConfig(nowhere), StoreError);
  MysqlConfig plainPassword;
  plainPassword.passwordRef = "hunter2";
  EXPECT_THROW(MysqlSettings::fromConfig(plainPassword), StoreError);
}

} // namespace
} // namespace gatehouse::store
