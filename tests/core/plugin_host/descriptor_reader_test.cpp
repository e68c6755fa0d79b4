#include <gatehouse/plugin_host/descriptor_reader.hpp>

#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>

namespace gatehouse {
namespace {

gh_status fakeInit(const gh_host_api*, gh_host*, gh_call*, void**) {
  return GH_OK;
}
void fakeShutdown(void*) {
}
gh_status fakeCreate(void*, gh_call*, gh_str, gh_str, void**) {
  return GH_OK;
}
void fakeDestroy(void*) {
}
gh_status fakeHandle(void*, gh_call*, gh_exchange*) {
  return GH_OK;
}
gh_status fakeAuthenticate(void*, gh_call*, gh_request*, gh_auth_verdict*, gh_principal*) {
  return GH_OK;
}
gh_status fakeAdmit(void*, gh_call*, const gh_principal*, gh_str, int32_t*) {
  return GH_OK;
}
gh_status fakePrice(void*, gh_call*, const gh_usage_event*, int64_t*) {
  return GH_OK;
}
gh_status fakeRecord(void*, gh_call*, const gh_usage_event*, int64_t) {
  return GH_OK;
}

class DescriptorReaderTest : public ::testing::Test {
protected:
  DescriptorReaderTest() {
    provider_ = gh_provider_vtable{sizeof(gh_provider_vtable), 0, fakeCreate, fakeDestroy, fakeHandle};
    auth_ = gh_auth_vtable{sizeof(gh_auth_vtable), 0, fakeAuthenticate, nullptr, nullptr};
    billing_ = gh_billing_vtable{sizeof(gh_billing_vtable), 0, fakeAdmit, fakePrice, fakeRecord};
    descriptor_ = gh_plugin_descriptor{GH_PLUGIN_MAGIC,
                                       GH_ABI_VERSION_MAJOR,
                                       GH_ABI_VERSION_MINOR,
                                       sizeof(gh_plugin_descriptor),
                                       GH_KIND_PROVIDER,
                                       0,
                                       gh_str{"fake", 4},
                                       gh_str{"0.1", 3},
                                       fakeInit,
                                       fakeShutdown,
                                       &provider_,
                                       nullptr,
                                       nullptr};
  }

  std::string refusal() {
    auto cause = readDescriptor(&descriptor_, tables_);
    return cause ? *cause : std::string();
  }

  gh_provider_vtable provider_{};
  gh_auth_vtable auth_{};
  gh_billing_vtable billing_{};
  gh_plugin_descriptor descriptor_{};
  PluginTables tables_;
};

TEST_F(DescriptorReaderTest, AcceptsAValidProviderAndCopiesItsTable) {
  EXPECT_EQ(refusal(), "");
  EXPECT_EQ(tables_.descriptor.kind, GH_KIND_PROVIDER);
  EXPECT_EQ(tables_.descriptor.init, &fakeInit);
  EXPECT_EQ(tables_.provider.handle, &fakeHandle);
  // A copy: the plugin changing its table later does not reach the host.
  provider_.handle = nullptr;
  EXPECT_EQ(tables_.provider.handle, &fakeHandle);
}

TEST_F(DescriptorReaderTest, NullDescriptor) {
  EXPECT_EQ(readDescriptor(nullptr, tables_).value_or(""),
            "entry point gatehouse_plugin_descriptor returned no descriptor");
}

TEST_F(DescriptorReaderTest, BadMagicIsShownInHex) {
  descriptor_.magic = 0x1122334455667788ULL;
  EXPECT_EQ(refusal(), "bad magic 0x1122334455667788 (not a Gatehouse plugin)");
}

TEST_F(DescriptorReaderTest, MagicIsCheckedBeforeAnythingElse) {
  descriptor_.magic = 0;
  descriptor_.abi_major = 9;
  descriptor_.struct_size = 1;
  EXPECT_EQ(refusal(), "bad magic 0x0000000000000000 (not a Gatehouse plugin)");
}

TEST_F(DescriptorReaderTest, OtherMajorIsRefused) {
  descriptor_.abi_major = 2;
  EXPECT_EQ(refusal(), "ABI major 2 is not supported (host speaks 1.3)");
  descriptor_.abi_major = 0;
  EXPECT_EQ(refusal(), "ABI major 0 is not supported (host speaks 1.3)");
}

TEST_F(DescriptorReaderTest, NewerMinorIsRefused) {
  descriptor_.abi_minor = GH_ABI_VERSION_MINOR + 1;
  EXPECT_EQ(refusal(), "built for ABI 1.4, newer than this host (1.3)");
  descriptor_.abi_minor = 7;
  EXPECT_EQ(refusal(), "built for ABI 1.7, newer than this host (1.3)");
}

TEST_F(DescriptorReaderTest, OlderAndEqualMinorsAreAccepted) {
  descriptor_.abi_minor = 0; // a plugin built before upstream I/O
  EXPECT_EQ(refusal(), "");
  descriptor_.abi_minor = 1; // a plugin built before credentials and sign-in
  EXPECT_EQ(refusal(), "");
  descriptor_.abi_minor = GH_ABI_VERSION_MINOR;
  EXPECT_EQ(refusal(), "");
}

TEST_F(DescriptorReaderTest, VersionIsCheckedBeforeSize) {
  descriptor_.abi_minor = GH_ABI_VERSION_MINOR + 1;
  descriptor_.struct_size = 8;
  EXPECT_EQ(refusal(), "built for ABI 1.4, newer than this host (1.3)");
}

TEST_F(DescriptorReaderTest, DescriptorSmallerThanV1IsRefused) {
  descriptor_.struct_size = offsetof(gh_plugin_descriptor, billing);
  EXPECT_EQ(refusal(), "descriptor struct_size 88 is smaller than the v1.0 descriptor (96)");
}

TEST_F(DescriptorReaderTest, UnknownKindIsRefused) {
  descriptor_.kind = 4;
  EXPECT_EQ(refusal(), "kind 4 is not a known plugin kind");
  descriptor_.kind = 0;
  EXPECT_EQ(refusal(), "kind 0 is not a known plugin kind");
}

TEST_F(DescriptorReaderTest, EmptyOrNullNameIsRefused) {
  descriptor_.name = gh_str{"", 0};
  EXPECT_EQ(refusal(), "descriptor has an empty name");
  descriptor_.name = gh_str{nullptr, 4};
  EXPECT_EQ(refusal(), "descriptor has an empty name");
}

TEST_F(DescriptorReaderTest, BrokenVersionStringIsRefusedButEmptyIsFine) {
  descriptor_.version = gh_str{nullptr, 0};
  EXPECT_EQ(refusal(), "");
  descriptor_.version = gh_str{nullptr, 3};
  EXPECT_EQ(refusal(), "descriptor version is a NULL string");
}

TEST_F(DescriptorReaderTest, InitAndShutdownAreRequired) {
  descriptor_.init = nullptr;
  EXPECT_EQ(refusal(), "descriptor lacks required function init");
  descriptor_.init = fakeInit;
  descriptor_.shutdown = nullptr;
  EXPECT_EQ(refusal(), "descriptor lacks required function shutdown");
}

TEST_F(DescriptorReaderTest, KindWithoutItsTableIsRefused) {
  descriptor_.kind = GH_KIND_BILLING;
  EXPECT_EQ(refusal(), "kind 3 (billing) has no billing table");
  descriptor_.kind = GH_KIND_AUTH;
  EXPECT_EQ(refusal(), "kind 2 (auth) has no auth table");
  descriptor_.kind = GH_KIND_PROVIDER;
  descriptor_.provider = nullptr;
  EXPECT_EQ(refusal(), "kind 1 (provider) has no provider table");
}

TEST_F(DescriptorReaderTest, ASecondTableIsRefused) {
  descriptor_.auth = &auth_;
  EXPECT_EQ(refusal(), "kind 1 (provider) must not also set the auth table");
}

TEST_F(DescriptorReaderTest, ProviderRequiresCreateDestroyHandle) {
  provider_.handle = nullptr;
  EXPECT_EQ(refusal(), "provider plugin lacks required function handle");
  provider_.handle = fakeHandle;
  provider_.destroy = nullptr;
  EXPECT_EQ(refusal(), "provider plugin lacks required function destroy");
  provider_.destroy = fakeDestroy;
  provider_.create = nullptr;
  EXPECT_EQ(refusal(), "provider plugin lacks required function create");
}

TEST_F(DescriptorReaderTest, ProviderTableTooSmallForItsRequiredSlotsIsRefused) {
  provider_.struct_size = offsetof(gh_provider_vtable, handle);
  EXPECT_EQ(refusal(), "provider table struct_size 24 is smaller than the v1.0 table (32)");
}

TEST_F(DescriptorReaderTest, AuthRequiresAuthenticate) {
  descriptor_.kind = GH_KIND_AUTH;
  descriptor_.provider = nullptr;
  descriptor_.auth = &auth_;
  EXPECT_EQ(refusal(), "");
  EXPECT_EQ(tables_.auth.authenticate, &fakeAuthenticate);
  auth_.authenticate = nullptr;
  EXPECT_EQ(refusal(), "auth plugin lacks required function authenticate");
  auth_.struct_size = 8;
  EXPECT_EQ(refusal(), "auth table struct_size 8 is smaller than the v1.0 table (16)");
}

TEST_F(DescriptorReaderTest, BillingFunctionsAreOptional) {
  descriptor_.kind = GH_KIND_BILLING;
  descriptor_.provider = nullptr;
  descriptor_.billing = &billing_;
  billing_ = gh_billing_vtable{sizeof(gh_billing_vtable), 0, nullptr, nullptr, nullptr};
  EXPECT_EQ(refusal(), "");
  billing_.struct_size = 4;
  EXPECT_EQ(refusal(), "billing table struct_size 4 is smaller than the v1.0 table (8)");
}

TEST_F(DescriptorReaderTest, FieldsBeyondATablesStructSizeReadAsNull) {
  // An older billing table that ends after admit: whatever follows in memory is not its.
  descriptor_.kind = GH_KIND_BILLING;
  descriptor_.provider = nullptr;
  descriptor_.billing = &billing_;
  billing_.struct_size = offsetof(gh_billing_vtable, price);
  ASSERT_EQ(refusal(), "");
  EXPECT_EQ(tables_.billing.admit, &fakeAdmit);
  EXPECT_EQ(tables_.billing.price, nullptr);
  EXPECT_EQ(tables_.billing.record, nullptr);
}

TEST_F(DescriptorReaderTest, LargerTablesFromTheSameMajorAreCopiedUpToWhatTheHostKnows) {
  // A table that declares more than this host knows: the extra bytes are never read.
  struct Bigger {
    gh_provider_vtable known;
    void* future;
  } bigger{provider_, nullptr};
  bigger.known.struct_size = sizeof bigger;
  descriptor_.provider = &bigger.known;
  EXPECT_EQ(refusal(), "");
  EXPECT_EQ(tables_.provider.struct_size, sizeof bigger);
  EXPECT_EQ(tables_.provider.create, &fakeCreate);
}

gh_status fakeLoginStart(void*, gh_call*, gh_str, gh_str, gh_buffer*, gh_buffer*) {
  return GH_OK;
}
gh_status fakeLoginFinish(void*, gh_call*, gh_str, gh_str, gh_str, gh_identity*) {
  return GH_OK;
}

class AuthDescriptorTest : public DescriptorReaderTest {
protected:
  AuthDescriptorTest() {
    descriptor_.kind = GH_KIND_AUTH;
    descriptor_.provider = nullptr;
    descriptor_.auth = &auth_;
  }
};

TEST_F(AuthDescriptorTest, SignInPairIsCopied) {
  auth_.login_start = fakeLoginStart;
  auth_.login_finish = fakeLoginFinish;
  ASSERT_EQ(refusal(), "");
  EXPECT_EQ(tables_.auth.login_start, &fakeLoginStart);
  EXPECT_EQ(tables_.auth.login_finish, &fakeLoginFinish);
}

TEST_F(AuthDescriptorTest, NoSignInIsFine) {
  ASSERT_EQ(refusal(), "");
  EXPECT_EQ(tables_.auth.login_start, nullptr);
  EXPECT_EQ(tables_.auth.login_finish, nullptr);
}

TEST_F(AuthDescriptorTest, TableOfAnOlderMinorEndsBeforeSignIn) {
  // A 1.0/1.1 table: whatever follows authenticate in memory is not the plugin's.
  auth_.struct_size = kAuthTableSizeBeforeLogin;
  auth_.login_start = fakeLoginStart;
  auth_.login_finish = fakeLoginFinish;
  descriptor_.abi_minor = 1;
  ASSERT_EQ(refusal(), "");
  EXPECT_EQ(tables_.auth.authenticate, &fakeAuthenticate);
  EXPECT_EQ(tables_.auth.login_start, nullptr);
  EXPECT_EQ(tables_.auth.login_finish, nullptr);
}

TEST_F(AuthDescriptorTest, HalfASignInPairIsRefused) {
  auth_.login_start = fakeLoginStart;
  EXPECT_EQ(refusal(),
            "auth plugin sets login_start without login_finish (browser sign-in needs both or neither)");
  auth_.login_start = nullptr;
  auth_.login_finish = fakeLoginFinish;
  EXPECT_EQ(refusal(),
            "auth plugin sets login_finish without login_start (browser sign-in needs both or neither)");
}

TEST_F(AuthDescriptorTest, TableCutBetweenTheSignInSlotsIsHalfAPair) {
  auth_.login_start = fakeLoginStart;
  auth_.login_finish = fakeLoginFinish;
  auth_.struct_size = offsetof(gh_auth_vtable, login_finish);
  EXPECT_EQ(refusal(),
            "auth plugin sets login_start without login_finish (browser sign-in needs both or neither)");
}

TEST_F(DescriptorReaderTest, RefusalLeavesOutputUntouched) {
  ASSERT_EQ(refusal(), "");
  descriptor_.name = gh_str{"", 0};
  ASSERT_NE(refusal(), "");
  EXPECT_EQ(tables_.provider.handle, &fakeHandle);
}

} // namespace
} // namespace gatehouse
