#include <gatehouse/store/mysql_settings.hpp>
#include <gatehouse/store/store_error.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

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

// The secret rules themselves are tested in tests/core/common; these pin the store's use.
std::string passwordErrorOf(const std::string& reference) {
  MysqlConfig config;
  config.passwordRef = reference;
  try {
    MysqlSettings::fromConfig(config);
  } catch (const StoreError& error) {
    EXPECT_EQ(error.kind(), StoreError::Kind::Invalid);
    return error.what();
  }
  ADD_FAILURE() << "no error for " << reference;
  return {};
}

TEST(MysqlSettings, EmptyPasswordReferenceMeansNoPassword) {
  MysqlConfig config;
  config.passwordRef = "";
  EXPECT_EQ(MysqlSettings::fromConfig(config).password, "");
}

TEST(MysqlSettings, PasswordErrorsNameTheSettingAndNeverAValue) {
  unsetenv("GATEHOUSE_TEST_MISSING");
  const std::string missing = passwordErrorOf("env:GATEHOUSE_TEST_MISSING");
  EXPECT_NE(missing.find("storage.mysql.password"), std::string::npos) << missing;
  EXPECT_NE(missing.find("env:GATEHOUSE_TEST_MISSING"), std::string::npos) << missing;
  EXPECT_NE(passwordErrorOf("file:/nonexistent/secret").find("cannot be read"), std::string::npos);
  // A password pasted straight into the config must not be echoed back.
  const std::string literal = passwordErrorOf("hunter2");
  EXPECT_EQ(literal.find("hunter2"), std::string::npos) << literal;
  EXPECT_NE(literal.find("env:NAME"), std::string::npos) << literal;
  passwordErrorOf("env:");
  passwordErrorOf("file:");
}

} // namespace
} // namespace gatehouse::store
