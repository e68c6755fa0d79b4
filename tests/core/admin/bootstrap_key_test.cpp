// The store side of `gatehouse admin create-key` / `revoke-key`.
#include <gatehouse/admin/bootstrap_key.hpp>
#include <gatehouse/auth/api_key_secret.hpp>
#include <gatehouse/auth/key_directory.hpp>
#include <gatehouse/store/open_store.hpp>

#include <gtest/gtest.h>

#include <test_databases.hpp>

namespace gatehouse::admin {
namespace {

class BootstrapKeyTest : public ::testing::Test {
protected:
  store::testing::TestDatabase database_{store::testing::Backend::Sqlite};
  std::unique_ptr<store::Store> store_ = store::openStore(database_.config());
};

TEST_F(BootstrapKeyTest, CreatesALocalAdminAndAnUnlimitedAdminKey) {
  EXPECT_FALSE(storeHasKeys(*store_));
  const BootstrapKey created = createBootstrapKey(*store_, "first", kDefaultAdminEmail);
  EXPECT_TRUE(created.ownerCreated);
  EXPECT_EQ(created.owner.email, "admin@localhost");
  EXPECT_EQ(created.owner.role, store::Role::Admin);
  EXPECT_TRUE(created.owner.externalSubject.empty());
  EXPECT_TRUE(auth::looksLikeApiKey(created.secret));
  EXPECT_EQ(created.key.keyHash, auth::hashApiKey(created.secret));
  EXPECT_EQ(created.key.role, store::Role::Admin);
  EXPECT_EQ(created.key.name, "first");
  EXPECT_TRUE(created.key.scopes.empty());
  EXPECT_EQ(created.key.limits, store::ApiKeyLimits{});
  EXPECT_FALSE(created.key.expiresAtMs);
  EXPECT_TRUE(storeHasKeys(*store_));

  auth::KeyDirectory keys(*store_, auth::KeyDirectoryOptions{});
  keys.start();
  CredentialRecord record;
  ASSERT_EQ(keys.find(created.secret, record), CredentialDirectory::Lookup::Found);
  EXPECT_EQ(record.role, GH_ROLE_ADMIN);
  EXPECT_EQ(record.owner, created.owner.id);
}

TEST_F(BootstrapKeyTest, ReusesTheSameLocalAdmin) {
  const BootstrapKey first = createBootstrapKey(*store_, "one", "ops@example.test");
  const BootstrapKey second = createBootstrapKey(*store_, "two", "ops@example.test");
  EXPECT_FALSE(second.ownerCreated);
  EXPECT_EQ(second.owner.id, first.owner.id);
  EXPECT_NE(second.secret, first.secret);
  EXPECT_EQ(store_->apiKeys().listByOwner(first.owner.id).size(), 2u);
}

TEST_F(BootstrapKeyTest, RefusesMembersDisabledUsersAndBadNames) {
  store::NewUser member;
  member.email = "member@example.test";
  store_->users().create(member);
  EXPECT_THROW(createBootstrapKey(*store_, "x", "member@example.test"), BootstrapError);

  store::User admin = createBootstrapKey(*store_, "x", "gone@example.test").owner;
  admin.disabled = true;
  store_->users().update(admin);
  EXPECT_THROW(createBootstrapKey(*store_, "y", "gone@example.test"), BootstrapError);

  EXPECT_THROW(createBootstrapKey(*store_, "", kDefaultAdminEmail), BootstrapError);
  EXPECT_THROW(createBootstrapKey(*store_, "a\nb", kDefaultAdminEmail), BootstrapError);
  EXPECT_THROW(createBootstrapKey(*store_, std::string(101, 'a'), kDefaultAdminEmail), BootstrapError);
  EXPECT_THROW(createBootstrapKey(*store_, "z", "no-at-sign"), BootstrapError);
}

TEST_F(BootstrapKeyTest, IsAuditedWithoutTheSecret) {
  const BootstrapKey created = createBootstrapKey(*store_, "first", kDefaultAdminEmail);
  const auto entries = store_->audit().list(store::AuditQuery{0, 10, "cli", ""});
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "api_key.create");
  EXPECT_EQ(entries[0].targetId, created.key.id);
  EXPECT_EQ(entries[1].action, "user.create");
  EXPECT_EQ(entries[0].detailJson.find(created.secret.substr(auth::kDisplayPrefixLength)), std::string::npos);
}

TEST_F(BootstrapKeyTest, RevokesByIdOnce) {
  const BootstrapKey created = createBootstrapKey(*store_, "first", kDefaultAdminEmail);
  EXPECT_TRUE(revokeKeyFromCli(*store_, created.key.id));
  EXPECT_TRUE(store_->apiKeys().findById(created.key.id)->revokedAtMs);
  EXPECT_FALSE(revokeKeyFromCli(*store_, created.key.id));
  EXPECT_THROW(revokeKeyFromCli(*store_, "no-such-key"), BootstrapError);
  EXPECT_EQ(store_->audit().list(store::AuditQuery{0, 1, "cli", ""})[0].action, "api_key.revoke");
}

} // namespace
} // namespace gatehouse::admin
