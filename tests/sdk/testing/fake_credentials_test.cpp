// The FakeCredentials follow credential_find's documented rules: found, not found,
// unavailable, only the fields inside the plugin's struct_size, views that die on time.
#include <gatehouse/testing/fake_credentials.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <string>
#include <vector>

namespace {

namespace sdk = gatehouse::sdk;
using gatehouse::testing::FakeCredentials;
using gatehouse::testing::kCredentialSize12;

std::string text(gh_str view) {
  return std::string(sdk::view(view));
}

sdk::Credential key(std::string id) {
  sdk::Credential credential;
  credential.keyId = std::move(id);
  credential.owner = "user:1";
  credential.team = "team-1";
  credential.name = "app";
  credential.scopes = "endpoint:chat";
  credential.role = GH_ROLE_ADMIN;
  credential.revokedAtMs = 5;
  credential.disabled = true;
  credential.ownerDisabled = true;
  credential.tokensPerMinute = 9;
  return credential;
}

gh_credential fresh() {
  gh_credential out{};
  out.struct_size = sizeof out;
  return out;
}

TEST(FakeCredentials, FindsAKeyBySecretAndFillsEveryField) {
  FakeCredentials credentials;
  credentials.add("ghk_a", key("key-a"));
  gh_credential out = fresh();
  std::string why;
  ASSERT_EQ(credentials.find("ghk_a", out, why), GH_OK) << why;
  EXPECT_EQ(text(out.key_id), "key-a");
  EXPECT_EQ(text(out.owner), "user:1");
  EXPECT_EQ(text(out.team), "team-1");
  EXPECT_EQ(text(out.name), "app");
  EXPECT_EQ(text(out.scopes), "endpoint:chat");
  EXPECT_EQ(out.role, GH_ROLE_ADMIN);
  EXPECT_EQ(out.revoked_at_ms, 5);
  EXPECT_EQ(out.tokens_per_minute, 9);
  EXPECT_EQ(out.disabled, 1);
  EXPECT_EQ(out.owner_disabled, 1);
  EXPECT_EQ(out.struct_size, sizeof(gh_credential)); // left as the plugin set it
}

TEST(FakeCredentials, UnknownRemovedAndUnavailableNeverEchoTheSecret) {
  FakeCredentials credentials;
  credentials.add("ghk_a", key("key-a")).add("ghk_b", key("key-b")).remove("ghk_b").remove("ghk_never");
  gh_credential out = fresh();
  std::string why;
  EXPECT_EQ(credentials.find("ghk_b", out, why), GH_ERROR_NOT_FOUND);
  EXPECT_EQ(why.find("ghk_b"), std::string::npos) << why;
  EXPECT_EQ(out.key_id.len, 0u); // nothing filled
  credentials.setUnavailable(true);
  EXPECT_EQ(credentials.find("ghk_a", out, why), GH_ERROR_UNAVAILABLE);
  EXPECT_EQ(why.find("ghk_a"), std::string::npos) << why;
  credentials.setUnavailable(false);
  EXPECT_EQ(credentials.find("ghk_a", out, why), GH_OK);
  EXPECT_EQ(credentials.lookups(), (std::vector<std::string>{"ghk_b", "ghk_a", "ghk_a"}));
}

TEST(FakeCredentials, AddReplacesTheKeyOfTheSameSecret) {
  FakeCredentials credentials;
  credentials.add("ghk_a", key("old")).add("ghk_a", key("new"));
  gh_credential out = fresh();
  std::string why;
  ASSERT_EQ(credentials.find("ghk_a", out, why), GH_OK);
  EXPECT_EQ(text(out.key_id), "new");
}

TEST(FakeCredentials, AStructSmallerThanAbi12sIsRefused) {
  FakeCredentials credentials;
  credentials.add("ghk_a", key("key-a"));
  gh_credential out = fresh();
  out.struct_size = kCredentialSize12 - 4;
  std::string why;
  EXPECT_EQ(credentials.find("ghk_a", out, why), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_TRUE(credentials.lookups().empty());
}

TEST(FakeCredentials, ViewsDieAtTheNextLookupAndAtTheEndOfTheCall) {
  FakeCredentials credentials;
  credentials.add("ghk_a", key("key-a")).add("ghk_b", key("key-b"));
  gh_credential first = fresh();
  gh_credential second = fresh();
  std::string why;
  ASSERT_EQ(credentials.find("ghk_a", first, why), GH_OK);
  ASSERT_EQ(credentials.find("ghk_b", second, why), GH_OK);
  EXPECT_EQ(text(first.key_id), "#####");
  EXPECT_EQ(text(second.key_id), "key-b");
  credentials.endCall();
  EXPECT_EQ(text(second.key_id), "#####");
  EXPECT_EQ(text(second.scopes), "#############");
}

} // namespace
