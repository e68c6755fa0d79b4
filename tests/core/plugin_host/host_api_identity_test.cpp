// credential_find and identity_resolve (ABI 1.2), called the way a C plugin calls them:
// what reaches the services, what the plugin's structs get (and only inside their
// struct_size), how each failure maps, and that no secret reaches a message.
#include <gatehouse/plugin_host/abi_handles.hpp>
#include <gatehouse/plugin_host/host_api.hpp>
#include <gatehouse/plugin_host/host_identity_calls.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>
#include <thread>

#include "abi_views.hpp"
#include "fake_host_services.hpp"

namespace gatehouse {
namespace {

using host_testing::FakeCredentialDirectory;
using host_testing::FakeIdentityResolver;
using host_testing::kBroken;
using host_testing::lit;
using host_testing::sampleKey;
using host_testing::text;

constexpr const char* kSecret = "ghk_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

// Fills a struct with a byte pattern, so a field the host must not write shows it was not.
template <typename Struct> Struct junk(std::uint32_t declaredSize) {
  Struct value;
  std::memset(static_cast<void*>(&value), 0x5a, sizeof value);
  value.struct_size = declaredSize;
  return value;
}
constexpr std::int64_t kJunk64 = 0x5a5a5a5a5a5a5a5a;

class HostApiIdentityTest : public ::testing::Test {
protected:
  void SetUp() override {
    context_.pluginName = "keys";
    context_.services.credentials = &directory_;
    context_.services.identities = &resolver_;
    directory_.keys[kSecret] = sampleKey();
  }

  gh_status find(const char* secret, gh_credential& out) {
    return api_.credential_find(context_.handle(), call_.handle(), lit(secret), &out);
  }
  gh_status resolve(const gh_identity& identity, gh_principal& out) {
    return api_.identity_resolve(context_.handle(), call_.handle(), &identity, &out);
  }

  // An identity as an OpenID plugin would assert it.
  gh_identity identity() {
    gh_identity value{};
    value.struct_size = sizeof value;
    value.role = GH_ROLE_ADMIN;
    value.issuer = lit("https://idp.test");
    value.subject = lit("248289761001");
    value.email = lit("jane@example.test");
    value.name = lit("Jane Doe");
    value.teams = lit("platform\n\nml research\n");
    value.is_service = 1;
    return value;
  }

  const gh_host_api& api_ = hostApi();
  FakeCredentialDirectory directory_;
  FakeIdentityResolver resolver_;
  HostContext context_;
  HostCall call_;
};

// --- credential_find ------------------------------------------------------------------

TEST_F(HostApiIdentityTest, FoundKeyFillsEveryField) {
  gh_credential out = junk<gh_credential>(sizeof(gh_credential));
  ASSERT_EQ(find(kSecret, out), GH_OK) << call_.error;
  EXPECT_EQ(out.struct_size, sizeof(gh_credential));
  EXPECT_EQ(out.role, GH_ROLE_ADMIN);
  EXPECT_EQ(text(out.key_id), "key_1");
  EXPECT_EQ(text(out.owner), "user_7");
  EXPECT_EQ(text(out.team), "team_3");
  EXPECT_EQ(text(out.name), "batch-jobs");
  EXPECT_EQ(text(out.scopes), "model:gpt-4o* endpoint:chat");
  EXPECT_EQ(out.expires_at_ms, 1'900'000'000'000);
  EXPECT_EQ(out.revoked_at_ms, 0);
  EXPECT_EQ(out.requests_per_minute, 60);
  EXPECT_EQ(out.tokens_per_minute, 90'000);
  EXPECT_EQ(out.monthly_budget_micro_usd, 50'000'000);
  EXPECT_EQ(out.owner_disabled, 0);
  EXPECT_EQ(out.disabled, 0);
  EXPECT_EQ(directory_.asked, std::vector<std::string>{kSecret}); // the secret as presented
  EXPECT_EQ(call_.error, "");
}

TEST_F(HostApiIdentityTest, RevokedAndDisabledKeysAreFoundForThePluginToJudge) {
  CredentialRecord revoked = sampleKey("key_r");
  revoked.revokedAtMs = 1'700'000'000'000;
  directory_.keys["ghk_revoked"] = revoked;
  CredentialRecord ownerOff = sampleKey("key_o");
  ownerOff.ownerDisabled = true;
  directory_.keys["ghk_owner_off"] = ownerOff;
  CredentialRecord switchedOff = sampleKey("key_s");
  switchedOff.disabled = true;
  directory_.keys["ghk_switched_off"] = switchedOff;

  gh_credential out{};
  out.struct_size = sizeof out;
  ASSERT_EQ(find("ghk_revoked", out), GH_OK);
  EXPECT_EQ(out.revoked_at_ms, 1'700'000'000'000);
  EXPECT_EQ(out.owner_disabled, 0);
  EXPECT_EQ(out.disabled, 0);
  ASSERT_EQ(find("ghk_owner_off", out), GH_OK);
  EXPECT_EQ(out.owner_disabled, 1);
  EXPECT_EQ(out.disabled, 0);
  ASSERT_EQ(find("ghk_switched_off", out), GH_OK);
  EXPECT_EQ(text(out.key_id), "key_s");
  EXPECT_EQ(out.owner_disabled, 0);
  EXPECT_EQ(out.disabled, 1);
}

TEST_F(HostApiIdentityTest, UnknownKeyIsNotFoundAndTheMessageHoldsNoSecret) {
  gh_credential out = junk<gh_credential>(sizeof(gh_credential));
  EXPECT_EQ(find("ghk_not_a_real_key_but_secret_anyway", out), GH_ERROR_NOT_FOUND);
  EXPECT_NE(call_.error, "");
  EXPECT_EQ(call_.error.find("ghk_"), std::string::npos) << call_.error;
  EXPECT_EQ(out.expires_at_ms, kJunk64); // nothing written on failure
}

TEST_F(HostApiIdentityTest, DirectoryNotLoadedYetIsUnavailable) {
  directory_.loaded = false;
  gh_credential out{};
  out.struct_size = sizeof out;
  EXPECT_EQ(find(kSecret, out), GH_ERROR_UNAVAILABLE);
  EXPECT_NE(call_.error.find("not loaded"), std::string::npos) << call_.error;
}

TEST_F(HostApiIdentityTest, NoDirectoryIsUnavailable) {
  context_.services.credentials = nullptr;
  gh_credential out{};
  out.struct_size = sizeof out;
  EXPECT_EQ(find(kSecret, out), GH_ERROR_UNAVAILABLE);
  EXPECT_NE(call_.error, "");
  EXPECT_TRUE(directory_.asked.empty());
}

TEST_F(HostApiIdentityTest, ThrowingDirectoryIsUnavailableWithAGenericMessage) {
  directory_.throwOnFind = true;
  gh_credential out{};
  out.struct_size = sizeof out;
  EXPECT_EQ(find(kSecret, out), GH_ERROR_UNAVAILABLE);
  EXPECT_NE(call_.error, "");
  EXPECT_EQ(call_.error.find("hunter2"), std::string::npos) << call_.error;
  EXPECT_EQ(call_.error.find("exploded"), std::string::npos) << call_.error;
}

TEST_F(HostApiIdentityTest, OlderSmallerCredentialGetsOnlyItsOwnFields) {
  // A struct that ends before the limits: the bytes after it belong to someone else.
  const auto declared = static_cast<std::uint32_t>(offsetof(gh_credential, requests_per_minute));
  gh_credential out = junk<gh_credential>(declared);
  ASSERT_EQ(find(kSecret, out), GH_OK) << call_.error;
  EXPECT_EQ(out.struct_size, declared); // still the plugin's own
  EXPECT_EQ(text(out.key_id), "key_1");
  EXPECT_EQ(text(out.scopes), "model:gpt-4o* endpoint:chat");
  EXPECT_EQ(out.revoked_at_ms, 0);
  EXPECT_EQ(out.requests_per_minute, kJunk64);
  EXPECT_EQ(out.tokens_per_minute, kJunk64);
  EXPECT_EQ(out.monthly_budget_micro_usd, kJunk64);
}

TEST_F(HostApiIdentityTest, CredentialTooSmallForTheKeyIdIsRefused) {
  gh_credential out = junk<gh_credential>(static_cast<std::uint32_t>(offsetof(gh_credential, key_id)));
  EXPECT_EQ(find(kSecret, out), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(call_.error.find("struct_size"), std::string::npos) << call_.error;
  EXPECT_TRUE(directory_.asked.empty());
  out.struct_size = 0; // a plugin that forgot to set it
  EXPECT_EQ(find(kSecret, out), GH_ERROR_INVALID_ARGUMENT);
}

TEST_F(HostApiIdentityTest, CredentialFindToleratesBrokenArguments) {
  gh_credential out{};
  out.struct_size = sizeof out;
  EXPECT_EQ(api_.credential_find(nullptr, call_.handle(), lit(kSecret), &out), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api_.credential_find(context_.handle(), call_.handle(), lit(kSecret), nullptr),
            GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api_.credential_find(context_.handle(), call_.handle(), kBroken, &out),
            GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api_.credential_find(context_.handle(), nullptr, lit("ghk_unknown"), &out), GH_ERROR_NOT_FOUND);
  EXPECT_TRUE(directory_.asked == std::vector<std::string>{"ghk_unknown"});
}

TEST_F(HostApiIdentityTest, ViewsLastUntilTheNextLookupOnTheSameThread) {
  directory_.keys["ghk_second"] = sampleKey("key_2");
  gh_credential first{};
  first.struct_size = sizeof first;
  ASSERT_EQ(find(kSecret, first), GH_OK);
  // Another thread's lookup has storage of its own.
  std::thread other([this] {
    HostCall otherCall;
    gh_credential theirs{};
    theirs.struct_size = sizeof theirs;
    EXPECT_EQ(api_.credential_find(context_.handle(), otherCall.handle(), lit("ghk_second"), &theirs), GH_OK);
    EXPECT_EQ(text(theirs.key_id), "key_2");
  });
  other.join();
  EXPECT_EQ(text(first.key_id), "key_1");
  EXPECT_EQ(text(first.owner), "user_7");
  // A failed lookup leaves the last good one alone.
  gh_credential missing{};
  missing.struct_size = sizeof missing;
  EXPECT_EQ(find("ghk_unknown", missing), GH_ERROR_NOT_FOUND);
  EXPECT_EQ(text(first.key_id), "key_1");
}

// --- identity_resolve -----------------------------------------------------------------

TEST_F(HostApiIdentityTest, ResolveHandsTheClaimsOverAndFillsThePrincipal) {
  resolver_.answer.subject = "user_12";
  resolver_.answer.team = "team_4";
  resolver_.answer.role = GH_ROLE_ADMIN;
  resolver_.answer.scopes = "model:*";
  resolver_.answer.requestsPerMinute = 30;
  gh_principal out{};
  out.struct_size = sizeof out;
  ASSERT_EQ(resolve(identity(), out), GH_OK) << call_.error;

  ASSERT_EQ(resolver_.asked.size(), 1u);
  const IdentityClaims& claims = resolver_.asked[0];
  EXPECT_EQ(claims.role, GH_ROLE_ADMIN);
  EXPECT_EQ(claims.issuer, "https://idp.test");
  EXPECT_EQ(claims.subject, "248289761001");
  EXPECT_EQ(claims.email, "jane@example.test");
  EXPECT_EQ(claims.name, "Jane Doe");
  EXPECT_EQ(claims.teams, (std::vector<std::string>{"platform", "ml research"}));
  EXPECT_TRUE(claims.isService);

  EXPECT_EQ(out.struct_size, sizeof out);
  EXPECT_EQ(text(out.subject), "user_12");
  EXPECT_EQ(text(out.team), "team_4");
  EXPECT_EQ(out.role, GH_ROLE_ADMIN);
  EXPECT_EQ(text(out.scopes), "model:*");
  EXPECT_EQ(out.requests_per_minute, 30);
  EXPECT_EQ(call_.error, "");
}

TEST_F(HostApiIdentityTest, DisabledUserIsPermissionDeniedWithTheResolversWords) {
  resolver_.error = IdentityError(GH_ERROR_PERMISSION_DENIED, "this account is disabled");
  gh_principal out = junk<gh_principal>(sizeof(gh_principal));
  EXPECT_EQ(resolve(identity(), out), GH_ERROR_PERMISSION_DENIED);
  EXPECT_EQ(text(api_.call_error(call_.handle())), "this account is disabled");
  EXPECT_EQ(out.requests_per_minute, kJunk64); // nothing written on failure
}

TEST_F(HostApiIdentityTest, StoreDownIsUnavailable) {
  resolver_.error = IdentityError(GH_ERROR_UNAVAILABLE, "user directory unavailable, try again");
  gh_principal out{};
  out.struct_size = sizeof out;
  EXPECT_EQ(resolve(identity(), out), GH_ERROR_UNAVAILABLE);
  EXPECT_EQ(call_.error, "user directory unavailable, try again");
}

TEST_F(HostApiIdentityTest, IdentityErrorWithoutAFailureStatusIsInternal) {
  resolver_.error = IdentityError(GH_OK, "confused");
  gh_principal out{};
  out.struct_size = sizeof out;
  EXPECT_EQ(resolve(identity(), out), GH_ERROR_INTERNAL);
  resolver_.error = IdentityError(4242, "confused");
  EXPECT_EQ(resolve(identity(), out), GH_ERROR_INTERNAL);
}

TEST_F(HostApiIdentityTest, OtherExceptionsAreUnavailableWithAGenericMessage) {
  resolver_.throwOther = true;
  gh_principal out{};
  out.struct_size = sizeof out;
  EXPECT_EQ(resolve(identity(), out), GH_ERROR_UNAVAILABLE);
  EXPECT_NE(call_.error, "");
  EXPECT_EQ(call_.error.find("hunter2"), std::string::npos) << call_.error;
  EXPECT_EQ(call_.error.find("exploded"), std::string::npos) << call_.error;
}

TEST_F(HostApiIdentityTest, NoResolverIsUnavailable) {
  context_.services.identities = nullptr;
  gh_principal out{};
  out.struct_size = sizeof out;
  EXPECT_EQ(resolve(identity(), out), GH_ERROR_UNAVAILABLE);
  EXPECT_NE(call_.error, "");
}

TEST_F(HostApiIdentityTest, OlderSmallerPrincipalGetsOnlyItsOwnFields) {
  resolver_.answer.requestsPerMinute = 30;
  const auto declared = static_cast<std::uint32_t>(offsetof(gh_principal, requests_per_minute));
  gh_principal out = junk<gh_principal>(declared);
  ASSERT_EQ(resolve(identity(), out), GH_OK) << call_.error;
  EXPECT_EQ(out.struct_size, declared);
  EXPECT_EQ(text(out.subject), "user:248289761001");
  EXPECT_EQ(out.requests_per_minute, kJunk64);
  EXPECT_EQ(out.monthly_budget_micro_usd, kJunk64);
}

TEST_F(HostApiIdentityTest, IdentityFieldsOutsideItsStructSizeAreAbsent) {
  gh_identity shorter = identity();
  shorter.struct_size = static_cast<std::uint32_t>(offsetof(gh_identity, email));
  gh_principal out{};
  out.struct_size = sizeof out;
  ASSERT_EQ(resolve(shorter, out), GH_OK) << call_.error;
  ASSERT_EQ(resolver_.asked.size(), 1u);
  EXPECT_EQ(resolver_.asked[0].subject, "248289761001");
  EXPECT_EQ(resolver_.asked[0].email, "");
  EXPECT_TRUE(resolver_.asked[0].teams.empty());
  EXPECT_FALSE(resolver_.asked[0].isService);
}

TEST_F(HostApiIdentityTest, ResolveRefusesTooSmallOrBrokenArguments) {
  gh_identity tiny = identity();
  tiny.struct_size = static_cast<std::uint32_t>(offsetof(gh_identity, subject));
  gh_principal out{};
  out.struct_size = sizeof out;
  EXPECT_EQ(resolve(tiny, out), GH_ERROR_INVALID_ARGUMENT);
  gh_principal tinyOut{};
  tinyOut.struct_size = static_cast<std::uint32_t>(offsetof(gh_principal, subject));
  EXPECT_EQ(resolve(identity(), tinyOut), GH_ERROR_INVALID_ARGUMENT);
  const gh_identity valid = identity();
  EXPECT_EQ(api_.identity_resolve(nullptr, call_.handle(), &valid, &out), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api_.identity_resolve(context_.handle(), call_.handle(), nullptr, &out),
            GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(api_.identity_resolve(context_.handle(), call_.handle(), &valid, nullptr),
            GH_ERROR_INVALID_ARGUMENT);
  EXPECT_TRUE(resolver_.asked.empty());
  gh_identity broken = identity();
  broken.email = kBroken; // reads as empty, never dereferenced
  ASSERT_EQ(api_.identity_resolve(context_.handle(), nullptr, &broken, &out), GH_OK);
  EXPECT_EQ(resolver_.asked.back().email, "");
}

} // namespace
} // namespace gatehouse
