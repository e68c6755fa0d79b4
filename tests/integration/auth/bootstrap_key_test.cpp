// `gatehouse admin create-key`: the first admin key of a fresh install, printed once on
// stdout and nowhere else, and accepted by a gateway serving the same store.
#include <regex>

#include "key_gateway.hpp"

namespace gatehouse::testing {
namespace {

TEST(BootstrapKey, CreateKeyPrintsExactlyOneAdminKeyThatTheGatewayAccepts) {
  TempDir dir("gatehouse-auth-it");
  KeyGatewayConfig config;
  config.sqlitePath = dir.file("gatehouse.db");

  const CliResult first = runCreateKey(config, "bootstrap");
  ASSERT_EQ(first.exitCode, 0) << first.all;
  // Only the key on stdout, so `KEY=$(gatehouse admin create-key ...)` works.
  ASSERT_TRUE(std::regex_match(first.out, std::regex("ghk_[A-Za-z0-9_-]{43}\n"))) << first.out;
  const std::string key = first.out.substr(0, first.out.size() - 1);
  EXPECT_EQ(first.all.find(key), first.all.rfind(key)) << "the key was printed twice: " << first.all;

  const CliResult second = runCreateKey(config, "second");
  ASSERT_EQ(second.exitCode, 0) << second.all;
  const std::string otherKey = second.out.substr(0, second.out.size() - 1);
  EXPECT_NE(otherKey, key);

  KeyGateway gateway(config);
  ASSERT_NE(gateway.port(), 0) << gateway.process().output();
  const RawResponse me = gateway.request("GET", "/admin/me", key);
  ASSERT_EQ(me.status, 200) << me.body;
  EXPECT_EQ(memberText(parseBody(me.body), "role"), "admin") << me.body;
  EXPECT_EQ(gateway.request("GET", "/admin/users", otherKey).status, 200);
  EXPECT_EQ(gateway.chat(key).status, 200);

  // Listed by the admin API, but never with the secret.
  const RawResponse listed = gateway.request("GET", "/admin/keys", key);
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_NE(listed.body.find("bootstrap"), std::string::npos) << listed.body;
  EXPECT_EQ(listed.body.find(key), std::string::npos);
  EXPECT_EQ(listed.body.find(otherKey), std::string::npos);
  EXPECT_EQ(gateway.process().output().find(key), std::string::npos) << "the key reached the gateway log";
}

TEST(BootstrapKey, CreateKeyWithoutANameFailsAndPrintsNoKey) {
  TempDir dir("gatehouse-auth-it");
  KeyGatewayConfig config;
  config.sqlitePath = dir.file("gatehouse.db");
  GatewayProcess cli(config.json(), {"admin", "create-key", "--config", "{config}"});
  const auto exitCode = cli.waitForExit(std::chrono::seconds(30));
  ASSERT_TRUE(exitCode.has_value());
  EXPECT_NE(*exitCode, 0);
  EXPECT_EQ(cli.stdoutText().find("ghk_"), std::string::npos) << cli.output();
}

} // namespace
} // namespace gatehouse::testing
