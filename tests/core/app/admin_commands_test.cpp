// `gatehouse admin create-key` and `admin revoke-key` as an operator runs them: the real
// binary on a temp SQLite file. stdout must be exactly the key (scripts capture it), and
// the key must authenticate through the key directory a gateway would use.
#include <gatehouse/auth/api_key_secret.hpp>
#include <gatehouse/auth/key_directory.hpp>
#include <gatehouse/store/open_store.hpp>
#include <gatehouse/testing/subprocess.hpp>
#include <gatehouse/testing/temp_dir.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

namespace gatehouse::app {
namespace {

using gatehouse::testing::OutputStream;
using gatehouse::testing::Subprocess;
using gatehouse::testing::SubprocessOptions;
using gatehouse::testing::TempDir;

struct CommandResult {
  int exitCode = -1;
  std::vector<std::string> out;
  std::vector<std::string> err;
};

class AdminCommands : public ::testing::Test {
protected:
  AdminCommands() {
    config_ = dir_.write("gatehouse.json",
                         R"({"log_level":"warn","storage":{"driver":"sqlite","sqlite":{"path":")" +
                             dir_.file("gatehouse.db") + R"("}}})");
  }

  CommandResult run(std::vector<std::string> args) {
    args.push_back("--config");
    args.push_back(config_);
    Subprocess process(SubprocessOptions{GATEHOUSE_EXE, args, {}, true});
    const auto exit = process.waitForExit(std::chrono::seconds(30));
    CommandResult result;
    if (exit && exit->exited)
      result.exitCode = exit->code;
    result.out = process.lines(OutputStream::Stdout);
    result.err = process.lines(OutputStream::Stderr);
    return result;
  }

  std::unique_ptr<store::Store> openStore() {
    StorageConfig storage;
    storage.driver = "sqlite";
    storage.sqlite.path = dir_.file("gatehouse.db");
    return store::openStore(storage);
  }

  TempDir dir_{"gatehouse-admin-cli"};
  std::string config_;
};

TEST_F(AdminCommands, CreateKeyPrintsOnlyTheKeyAndItAuthenticates) {
  const CommandResult created = run({"admin", "create-key", "--name", "bootstrap"});
  ASSERT_EQ(created.exitCode, 0);
  ASSERT_EQ(created.out.size(), 1u);
  const std::string secret = created.out[0];
  EXPECT_TRUE(auth::looksLikeApiKey(secret)) << secret;
  bool toldHowToUseIt = false;
  for (const std::string& line : created.err) {
    EXPECT_EQ(line.find(secret.substr(auth::kDisplayPrefixLength)), std::string::npos) << line;
    toldHowToUseIt = toldHowToUseIt || line.find("shown only this once") != std::string::npos;
  }
  EXPECT_TRUE(toldHowToUseIt);

  const auto store = openStore();
  auth::KeyDirectory keys(*store, auth::KeyDirectoryOptions{});
  keys.start();
  CredentialRecord record;
  ASSERT_EQ(keys.find(secret, record), CredentialDirectory::Lookup::Found);
  EXPECT_EQ(record.role, GH_ROLE_ADMIN);
  EXPECT_EQ(record.name, "bootstrap");
  EXPECT_EQ(record.requestsPerMinute, 0);
  EXPECT_EQ(record.scopes, "");
  const auto owner = store->users().findById(record.owner);
  ASSERT_TRUE(owner);
  EXPECT_EQ(owner->email, "admin@localhost");
  EXPECT_EQ(owner->role, store::Role::Admin);
}

TEST_F(AdminCommands, IfNoneCreatesOnlyTheFirstKey) {
  const CommandResult first = run({"admin", "create-key", "--name", "first", "--if-none"});
  ASSERT_EQ(first.exitCode, 0);
  ASSERT_EQ(first.out.size(), 1u);
  const CommandResult second = run({"admin", "create-key", "--name", "second", "--if-none"});
  EXPECT_EQ(second.exitCode, 0);
  EXPECT_TRUE(second.out.empty());
  const CommandResult forced = run({"admin", "create-key", "--name", "third", "--email", "ops@example.test"});
  ASSERT_EQ(forced.exitCode, 0);
  EXPECT_EQ(forced.out.size(), 1u);
  EXPECT_NE(forced.out[0], first.out[0]);
  EXPECT_EQ(openStore()->users().list("", 10).size(), 2u);
}

TEST_F(AdminCommands, RevokeKeyStopsTheKey) {
  const CommandResult created = run({"admin", "create-key", "--name", "leaked"});
  ASSERT_EQ(created.exitCode, 0);
  const auto store = openStore();
  const std::string id = store->apiKeys().list("", 1).at(0).id;
  const CommandResult revoked = run({"admin", "revoke-key", id});
  EXPECT_EQ(revoked.exitCode, 0);
  ASSERT_EQ(revoked.out.size(), 1u);
  EXPECT_EQ(revoked.out[0], "revoked " + id);
  auth::KeyDirectory keys(*store, auth::KeyDirectoryOptions{});
  keys.start();
  CredentialRecord record;
  const CredentialDirectory::Lookup lookup = keys.find(created.out[0], record);
  // The directory may drop a revoked key or keep it marked; either way it is not usable.
  EXPECT_TRUE(lookup == CredentialDirectory::Lookup::NotFound ||
              (lookup == CredentialDirectory::Lookup::Found && record.revokedAtMs != 0));
  EXPECT_TRUE(store->apiKeys().findById(id)->revokedAtMs);
  EXPECT_EQ(run({"admin", "revoke-key", id}).exitCode, 0); // already revoked: says so, no error
}

TEST_F(AdminCommands, FailuresExitNonZeroWithOneLine) {
  const CommandResult unknown = run({"admin", "revoke-key", "no-such-key"});
  EXPECT_EQ(unknown.exitCode, 1);
  EXPECT_TRUE(unknown.out.empty());
  ASSERT_FALSE(unknown.err.empty());
  EXPECT_EQ(unknown.err.back(), "gatehouse: no API key with id 'no-such-key'");
  const CommandResult usage = run({"admin", "create-key"});
  EXPECT_EQ(usage.exitCode, 1);
  EXPECT_TRUE(usage.out.empty());
}

} // namespace
} // namespace gatehouse::app
