#include <gatehouse/app/cli_options.hpp>

#include <gtest/gtest.h>

namespace gatehouse::app {
namespace {

CliOptions parsed(const std::vector<std::string>& args) {
  auto result = parseCli(args);
  if (auto* problem = std::get_if<std::string>(&result)) {
    ADD_FAILURE() << *problem;
    return {};
  }
  return std::get<CliOptions>(result);
}

std::string problem(const std::vector<std::string>& args) {
  auto result = parseCli(args);
  if (!std::holds_alternative<std::string>(result)) {
    ADD_FAILURE() << "accepted";
    return {};
  }
  return std::get<std::string>(result);
}

TEST(CliOptions, NoArgumentsServesWithoutAConfigPath) {
  const CliOptions options = parsed({});
  EXPECT_EQ(options.mode, CliOptions::Mode::Serve);
  EXPECT_FALSE(options.configPath);
  EXPECT_FALSE(options.pluginDir);
}

TEST(CliOptions, ReadsConfigAndPluginDirInBothForms) {
  const CliOptions spaced = parsed({"--config", "a.json", "--plugin-dir", "/p"});
  EXPECT_EQ(spaced.mode, CliOptions::Mode::Serve);
  EXPECT_EQ(spaced.configPath, "a.json");
  EXPECT_EQ(spaced.pluginDir, "/p");
  const CliOptions joined = parsed({"--config=b.json", "--plugin-dir=/q"});
  EXPECT_EQ(joined.configPath, "b.json");
  EXPECT_EQ(joined.pluginDir, "/q");
}

TEST(CliOptions, CheckConfigTakesItsPath) {
  const CliOptions options = parsed({"--check-config", "c.json", "--plugin-dir", "/p"});
  EXPECT_EQ(options.mode, CliOptions::Mode::CheckConfig);
  EXPECT_EQ(options.configPath, "c.json");
}

TEST(CliOptions, MigrateAsSubcommandOrFlagTakesTheConfig) {
  for (const auto& args : std::vector<std::vector<std::string>>{{"migrate", "--config", "m.json"},
                                                                {"--migrate", "--config=m.json"},
                                                                {"--config", "m.json", "--migrate"}}) {
    const CliOptions options = parsed(args);
    EXPECT_EQ(options.mode, CliOptions::Mode::Migrate) << args[0];
    EXPECT_EQ(options.configPath, "m.json") << args[0];
  }
  EXPECT_EQ(parsed({"migrate"}).mode, CliOptions::Mode::Migrate);
  EXPECT_FALSE(parsed({"migrate"}).configPath);
  EXPECT_NE(usageText().find("gatehouse migrate"), std::string::npos);
}

TEST(CliOptions, MigrateRefusesOtherModesAndPositionsLaterThanFirst) {
  EXPECT_NE(problem({"--migrate", "--check-config", "c"}).find("cannot be combined"), std::string::npos);
  EXPECT_NE(problem({"--check-config", "c", "--migrate"}).find("cannot be combined"), std::string::npos);
  EXPECT_NE(problem({"--migrate", "--version"}).find("cannot be combined"), std::string::npos);
  EXPECT_NE(problem({"--config", "a", "migrate"}).find("unknown argument 'migrate'"), std::string::npos);
  EXPECT_NE(problem({"--migrate=yes"}).find("unknown argument"), std::string::npos);
}

TEST(CliOptions, VersionAndHelp) {
  EXPECT_EQ(parsed({"--version"}).mode, CliOptions::Mode::Version);
  EXPECT_EQ(parsed({"-V"}).mode, CliOptions::Mode::Version);
  EXPECT_EQ(parsed({"--help"}).mode, CliOptions::Mode::Help);
  EXPECT_EQ(parsed({"-h"}).mode, CliOptions::Mode::Help);
  EXPECT_NE(usageText().find("--check-config"), std::string::npos);
}

TEST(CliOptions, RefusesUnknownMissingRepeatedAndConflictingOptions) {
  EXPECT_NE(problem({"--bogus"}).find("unknown argument '--bogus'"), std::string::npos);
  EXPECT_NE(problem({"stray"}).find("unknown argument"), std::string::npos);
  EXPECT_NE(problem({"--config"}).find("needs a value"), std::string::npos);
  EXPECT_NE(problem({"--config="}).find("non-empty"), std::string::npos);
  EXPECT_NE(problem({"--config", "a", "--config", "b"}).find("twice"), std::string::npos);
  EXPECT_NE(problem({"--config", "a", "--check-config", "b"}).find("cannot be combined"), std::string::npos);
  EXPECT_NE(problem({"--version", "--help"}).find("cannot be combined"), std::string::npos);
}

TEST(CliOptions, AdminCreateKeyTakesNameEmailConfigAndIfNone) {
  const CliOptions options =
      parsed({"admin", "create-key", "--name", "bootstrap", "--email=ops@example.test", "--config", "g.json"});
  EXPECT_EQ(options.mode, CliOptions::Mode::AdminCreateKey);
  EXPECT_EQ(options.keyName, "bootstrap");
  EXPECT_EQ(options.email, "ops@example.test");
  EXPECT_EQ(options.configPath, "g.json");
  EXPECT_FALSE(options.onlyIfNoKeys);
  const CliOptions minimal = parsed({"admin", "create-key", "--if-none", "--name=first"});
  EXPECT_TRUE(minimal.onlyIfNoKeys);
  EXPECT_EQ(minimal.keyName, "first");
  EXPECT_FALSE(minimal.email);
  EXPECT_FALSE(minimal.configPath);
}

TEST(CliOptions, AdminRevokeKeyTakesOneId) {
  const CliOptions options = parsed({"admin", "revoke-key", "k123", "--config", "g.json"});
  EXPECT_EQ(options.mode, CliOptions::Mode::AdminRevokeKey);
  EXPECT_EQ(options.keyId, "k123");
  EXPECT_EQ(options.configPath, "g.json");
  EXPECT_EQ(parsed({"admin", "revoke-key", "--config=g.json", "k9"}).keyId, "k9");
}

TEST(CliOptions, AdminCommandsRefuseWhatTheyDoNotTake) {
  EXPECT_NE(problem({"admin"}).find("needs a command"), std::string::npos);
  EXPECT_NE(problem({"admin", "drop-tables"}).find("unknown admin command 'drop-tables'"), std::string::npos);
  EXPECT_NE(problem({"admin", "create-key"}).find("needs --name"), std::string::npos);
  EXPECT_NE(problem({"admin", "create-key", "--name"}).find("needs a value"), std::string::npos);
  EXPECT_NE(problem({"admin", "create-key", "--name", "a", "--name", "b"}).find("twice"), std::string::npos);
  EXPECT_NE(problem({"admin", "create-key", "--name", "a", "stray"}).find("unknown argument 'stray'"),
            std::string::npos);
  EXPECT_NE(problem({"admin", "create-key", "--name", "a", "--plugin-dir", "/p"}).find("unknown argument"),
            std::string::npos);
  EXPECT_NE(problem({"admin", "create-key", "--name", "a", "--if-none=yes"}).find("unknown argument"),
            std::string::npos);
  EXPECT_NE(problem({"admin", "revoke-key"}).find("needs the id"), std::string::npos);
  EXPECT_NE(problem({"admin", "revoke-key", "a", "b"}).find("one key id"), std::string::npos);
  EXPECT_NE(problem({"admin", "revoke-key", "a", "--name", "x"}).find("unknown argument"), std::string::npos);
  // Only as the first word: "admin" elsewhere is a stray argument.
  EXPECT_NE(problem({"--config", "a", "admin"}).find("unknown argument 'admin'"), std::string::npos);
}

TEST(CliOptions, UsageDescribesTheAdminCommands) {
  EXPECT_NE(usageText().find("gatehouse admin create-key --name NAME"), std::string::npos);
  EXPECT_NE(usageText().find("gatehouse admin revoke-key ID"), std::string::npos);
}

} // namespace
} // namespace gatehouse::app
