// The FakeHost refuses every descriptor the gateway's handshake refuses.
#include <gatehouse/testing/descriptor_check.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

using gatehouse::testing::descriptorProblem;

gh_status init(const gh_host_api*, gh_host*, gh_call*, void**) {
  return GH_OK;
}
void shutdown(void*) {
}
gh_status create(void*, gh_call*, gh_str, gh_str, void**) {
  return GH_OK;
}
void destroy(void*) {
}
gh_status handle(void*, gh_call*, gh_exchange*) {
  return GH_OK;
}
gh_status authenticate(void*, gh_call*, gh_request*, gh_auth_verdict*, gh_principal*) {
  return GH_OK;
}
gh_status loginStart(void*, gh_call*, gh_str, gh_str, gh_buffer*, gh_buffer*) {
  return GH_OK;
}
gh_status loginFinish(void*, gh_call*, gh_str, gh_str, gh_str, gh_identity*) {
  return GH_OK;
}

const gh_provider_vtable kProvider{sizeof(gh_provider_vtable), 0, create, destroy, handle};
const gh_auth_vtable kAuth{sizeof(gh_auth_vtable), 0, authenticate, nullptr, nullptr};
const gh_auth_vtable kSignIn{sizeof(gh_auth_vtable), 0, authenticate, loginStart, loginFinish};
const gh_billing_vtable kBillingEmpty{sizeof(gh_billing_vtable), 0, nullptr, nullptr, nullptr};

gh_plugin_descriptor validProvider() {
  return gh_plugin_descriptor{GH_PLUGIN_MAGIC,
                              GH_ABI_VERSION_MAJOR,
                              GH_ABI_VERSION_MINOR,
                              sizeof(gh_plugin_descriptor),
                              GH_KIND_PROVIDER,
                              0,
                              {"p", 1},
                              {"1", 1},
                              init,
                              shutdown,
                              &kProvider,
                              nullptr,
                              nullptr};
}

gh_plugin_descriptor withAuth(const gh_auth_vtable* table) {
  gh_plugin_descriptor auth = validProvider();
  auth.kind = GH_KIND_AUTH;
  auth.provider = nullptr;
  auth.auth = table;
  return auth;
}

bool mentions(const std::string& problem, const std::string& text) {
  return problem.find(text) != std::string::npos;
}

TEST(DescriptorCheck, AcceptsValidDescriptorsOfEveryKind) {
  gh_plugin_descriptor provider = validProvider();
  EXPECT_EQ(descriptorProblem(&provider), "");

  gh_plugin_descriptor auth = validProvider();
  auth.kind = GH_KIND_AUTH;
  auth.provider = nullptr;
  auth.auth = &kAuth;
  EXPECT_EQ(descriptorProblem(&auth), "");

  // Every billing hook is optional.
  gh_plugin_descriptor billing = validProvider();
  billing.kind = GH_KIND_BILLING;
  billing.provider = nullptr;
  billing.billing = &kBillingEmpty;
  EXPECT_EQ(descriptorProblem(&billing), "");
}

TEST(DescriptorCheck, RefusesNullAndForeignMagic) {
  EXPECT_TRUE(mentions(descriptorProblem(nullptr), "NULL"));
  gh_plugin_descriptor descriptor = validProvider();
  descriptor.magic = 0x1234;
  EXPECT_EQ(descriptorProblem(&descriptor), "bad magic 0x0000000000001234 (not a Gatehouse plugin)");
}

TEST(DescriptorCheck, RefusesOtherMajorAndNewerMinor) {
  gh_plugin_descriptor major = validProvider();
  major.abi_major = GH_ABI_VERSION_MAJOR + 1;
  const std::string host = std::to_string(GH_ABI_VERSION_MAJOR) + "." + std::to_string(GH_ABI_VERSION_MINOR);
  EXPECT_EQ(descriptorProblem(&major), "ABI major 2 is not supported (host speaks " + host + ")");
  gh_plugin_descriptor minor = validProvider();
  minor.abi_minor = GH_ABI_VERSION_MINOR + 7;
  EXPECT_EQ(descriptorProblem(&minor), "built for ABI 1." + std::to_string(GH_ABI_VERSION_MINOR + 7) +
                                           ", newer than this host (" + host + ")");
}

TEST(DescriptorCheck, RefusesMalformedDescriptors) {
  gh_plugin_descriptor small = validProvider();
  small.struct_size = 8;
  EXPECT_TRUE(mentions(descriptorProblem(&small), "struct_size"));

  gh_plugin_descriptor unnamed = validProvider();
  unnamed.name = gh_str{nullptr, 0};
  EXPECT_EQ(descriptorProblem(&unnamed), "descriptor has an empty name");

  gh_plugin_descriptor noVersion = validProvider();
  noVersion.version = gh_str{nullptr, 0};
  EXPECT_EQ(descriptorProblem(&noVersion), "descriptor version is a NULL string");

  gh_plugin_descriptor noInit = validProvider();
  noInit.init = nullptr;
  EXPECT_TRUE(mentions(descriptorProblem(&noInit), "init"));

  gh_plugin_descriptor twoTables = validProvider();
  twoTables.auth = &kAuth;
  EXPECT_TRUE(mentions(descriptorProblem(&twoTables), "exactly one vtable"));

  gh_plugin_descriptor wrongTable = validProvider();
  wrongTable.kind = GH_KIND_BILLING;
  EXPECT_EQ(descriptorProblem(&wrongTable), "kind 3 (billing) has no billing table");

  gh_plugin_descriptor unknownKind = validProvider();
  unknownKind.kind = 9;
  EXPECT_EQ(descriptorProblem(&unknownKind), "unknown plugin kind 9");
}

TEST(DescriptorCheck, RefusesMissingRequiredFunctions) {
  gh_provider_vtable noHandle = kProvider;
  noHandle.handle = nullptr;
  gh_plugin_descriptor provider = validProvider();
  provider.provider = &noHandle;
  EXPECT_EQ(descriptorProblem(&provider), "provider plugin lacks required function handle");

  gh_auth_vtable noAuthenticate = kAuth;
  noAuthenticate.authenticate = nullptr;
  gh_plugin_descriptor auth = validProvider();
  auth.kind = GH_KIND_AUTH;
  auth.provider = nullptr;
  auth.auth = &noAuthenticate;
  EXPECT_EQ(descriptorProblem(&auth), "auth plugin lacks required function authenticate");
}

// ABI 1.2 grew the auth table; a 1.0/1.1 plugin's 16-byte table (no sign-in) stays valid.
TEST(DescriptorCheck, AcceptsAnOlderAuthTableAndASignInTable) {
  gh_auth_vtable older = kAuth;
  older.struct_size = gatehouse::testing::kAuthVtableSize10;
  older.login_start = loginStart; // past its struct_size: never read
  const gh_plugin_descriptor old = withAuth(&older);
  EXPECT_EQ(descriptorProblem(&old), "");
  const gh_plugin_descriptor signIn = withAuth(&kSignIn);
  EXPECT_EQ(descriptorProblem(&signIn), "");

  gh_auth_vtable tooSmall = kAuth;
  tooSmall.struct_size = gatehouse::testing::kAuthVtableSize10 - 1;
  const gh_plugin_descriptor small = withAuth(&tooSmall);
  EXPECT_EQ(descriptorProblem(&small), "auth table struct_size too small");
}

TEST(DescriptorCheck, RefusesHalfASignIn) {
  gh_auth_vtable startOnly = kSignIn;
  startOnly.login_finish = nullptr;
  const gh_plugin_descriptor start = withAuth(&startOnly);
  EXPECT_EQ(descriptorProblem(&start), "auth plugin sets only one of login_start and login_finish");
  gh_auth_vtable finishOnly = kSignIn;
  finishOnly.login_start = nullptr;
  const gh_plugin_descriptor finish = withAuth(&finishOnly);
  EXPECT_EQ(descriptorProblem(&finish), "auth plugin sets only one of login_start and login_finish");
}

} // namespace
