// Pins the v1 ABI's layout on LP64 targets. Tables only ever grow at the end, so an
// offset or size changing here means every plugin already built would break: bump the
// major, or move the new field to the end and bump the minor.
#include <gatehouse/plugin_abi.h>

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

namespace {

#define EXPECT_FIELD(type, field, offset)                                                                    \
  EXPECT_EQ(offsetof(type, field), std::size_t{offset}) << #type "." #field

class AbiLayoutTest : public ::testing::Test {
protected:
  void SetUp() override {
    if (sizeof(void*) != 8) {
      GTEST_SKIP() << "layout is pinned for LP64 targets";
    }
  }
};

TEST_F(AbiLayoutTest, MagicSpellsGatehse1InMemory) {
  const std::uint64_t magic = GH_PLUGIN_MAGIC;
  char bytes[8];
  std::memcpy(bytes, &magic, sizeof bytes);
  EXPECT_EQ(std::string(bytes, sizeof bytes), "GATEHSE1");
}

TEST_F(AbiLayoutTest, VersionAndEntryPoint) {
  EXPECT_EQ(GH_ABI_VERSION_MAJOR, 1);
  EXPECT_EQ(GH_ABI_VERSION_MINOR, 0);
  EXPECT_STREQ(GH_PLUGIN_ENTRY_SYMBOL, "gatehouse_plugin_descriptor");
}

TEST_F(AbiLayoutTest, StatusKindAndVerdictValuesAreStable) {
  EXPECT_EQ(GH_OK, 0);
  EXPECT_EQ(GH_ERROR_INVALID_ARGUMENT, 1);
  EXPECT_EQ(GH_ERROR_NOT_FOUND, 2);
  EXPECT_EQ(GH_ERROR_UNAUTHENTICATED, 3);
  EXPECT_EQ(GH_ERROR_PERMISSION_DENIED, 4);
  EXPECT_EQ(GH_ERROR_RESOURCE_EXHAUSTED, 5);
  EXPECT_EQ(GH_ERROR_UNAVAILABLE, 6);
  EXPECT_EQ(GH_ERROR_UNSUPPORTED, 7);
  EXPECT_EQ(GH_ERROR_CANCELLED, 8);
  EXPECT_EQ(GH_ERROR_INTERNAL, 9);
  EXPECT_EQ(GH_ERROR_UPSTREAM, 10);
  EXPECT_EQ(GH_ERROR_CONFIG, 11);
  EXPECT_EQ(GH_KIND_PROVIDER, 1);
  EXPECT_EQ(GH_KIND_AUTH, 2);
  EXPECT_EQ(GH_KIND_BILLING, 3);
  EXPECT_EQ(GH_AUTH_NOT_MINE, 0);
  EXPECT_EQ(GH_AUTH_ACCEPTED, 1);
  EXPECT_EQ(GH_AUTH_DENIED, 2);
  EXPECT_EQ(GH_ROLE_MEMBER, 1);
  EXPECT_EQ(GH_ROLE_ADMIN, 2);
  EXPECT_EQ(GH_ENDPOINT_CHAT_COMPLETIONS, 1);
  EXPECT_EQ(GH_ENDPOINT_AUDIO_TRANSCRIPTION, 5);
}

TEST_F(AbiLayoutTest, DataStructs) {
  EXPECT_EQ(sizeof(gh_str), 16u);
  EXPECT_FIELD(gh_str, len, 8);

  EXPECT_EQ(sizeof(gh_usage), 64u);
  EXPECT_FIELD(gh_usage, prompt_tokens, 8);
  EXPECT_FIELD(gh_usage, completion_tokens, 16);
  EXPECT_FIELD(gh_usage, cached_prompt_tokens, 24);
  EXPECT_FIELD(gh_usage, reasoning_tokens, 32);
  EXPECT_FIELD(gh_usage, images, 40);
  EXPECT_FIELD(gh_usage, audio_milliseconds, 48);
  EXPECT_FIELD(gh_usage, characters, 56);

  EXPECT_EQ(sizeof(gh_principal), 88u);
  EXPECT_FIELD(gh_principal, role, 4);
  EXPECT_FIELD(gh_principal, subject, 8);
  EXPECT_FIELD(gh_principal, team, 24);
  EXPECT_FIELD(gh_principal, app, 40);
  EXPECT_FIELD(gh_principal, key_id, 56);
  EXPECT_FIELD(gh_principal, scopes, 72);

  EXPECT_EQ(sizeof(gh_usage_event), 224u);
  EXPECT_FIELD(gh_usage_event, http_status, 4);
  EXPECT_FIELD(gh_usage_event, request_id, 8);
  EXPECT_FIELD(gh_usage_event, subject, 24);
  EXPECT_FIELD(gh_usage_event, team, 40);
  EXPECT_FIELD(gh_usage_event, app, 56);
  EXPECT_FIELD(gh_usage_event, key_id, 72);
  EXPECT_FIELD(gh_usage_event, provider, 88);
  EXPECT_FIELD(gh_usage_event, model, 104);
  EXPECT_FIELD(gh_usage_event, upstream_model, 120);
  EXPECT_FIELD(gh_usage_event, endpoint, 136);
  EXPECT_FIELD(gh_usage_event, streamed, 140);
  EXPECT_FIELD(gh_usage_event, started_at_ms, 144);
  EXPECT_FIELD(gh_usage_event, duration_ms, 152);
  EXPECT_FIELD(gh_usage_event, usage, 160);
}

TEST_F(AbiLayoutTest, HostApiTable) {
  EXPECT_EQ(sizeof(gh_host_api), 176u);
  EXPECT_FIELD(gh_host_api, abi_major, 4);
  EXPECT_FIELD(gh_host_api, abi_minor, 6);
  EXPECT_FIELD(gh_host_api, log, 8);
  EXPECT_FIELD(gh_host_api, log_enabled, 16);
  EXPECT_FIELD(gh_host_api, set_error, 24);
  EXPECT_FIELD(gh_host_api, plugin_config, 32);
  EXPECT_FIELD(gh_host_api, plugin_name, 40);
  EXPECT_FIELD(gh_host_api, resolve_secret, 48);
  EXPECT_FIELD(gh_host_api, buffer_append, 56);
  EXPECT_FIELD(gh_host_api, buffer_view, 64);
  EXPECT_FIELD(gh_host_api, exchange_endpoint, 72);
  EXPECT_FIELD(gh_host_api, exchange_request_body, 80);
  EXPECT_FIELD(gh_host_api, exchange_model, 88);
  EXPECT_FIELD(gh_host_api, exchange_upstream_model, 96);
  EXPECT_FIELD(gh_host_api, exchange_wants_stream, 104);
  EXPECT_FIELD(gh_host_api, exchange_request_id, 112);
  EXPECT_FIELD(gh_host_api, exchange_respond, 120);
  EXPECT_FIELD(gh_host_api, exchange_stream_event, 128);
  EXPECT_FIELD(gh_host_api, exchange_report_usage, 136);
  EXPECT_FIELD(gh_host_api, request_header, 144);
  EXPECT_FIELD(gh_host_api, request_method, 152);
  EXPECT_FIELD(gh_host_api, request_path, 160);
  EXPECT_FIELD(gh_host_api, request_client_address, 168);
}

TEST_F(AbiLayoutTest, PluginTables) {
  EXPECT_EQ(sizeof(gh_provider_vtable), 32u);
  EXPECT_FIELD(gh_provider_vtable, create, 8);
  EXPECT_FIELD(gh_provider_vtable, destroy, 16);
  EXPECT_FIELD(gh_provider_vtable, handle, 24);

  EXPECT_EQ(sizeof(gh_auth_vtable), 16u);
  EXPECT_FIELD(gh_auth_vtable, authenticate, 8);

  EXPECT_EQ(sizeof(gh_billing_vtable), 32u);
  EXPECT_FIELD(gh_billing_vtable, admit, 8);
  EXPECT_FIELD(gh_billing_vtable, price, 16);
  EXPECT_FIELD(gh_billing_vtable, record, 24);
}

TEST_F(AbiLayoutTest, Descriptor) {
  EXPECT_EQ(sizeof(gh_plugin_descriptor), 96u);
  EXPECT_FIELD(gh_plugin_descriptor, magic, 0);
  EXPECT_FIELD(gh_plugin_descriptor, abi_major, 8);
  EXPECT_FIELD(gh_plugin_descriptor, abi_minor, 10);
  EXPECT_FIELD(gh_plugin_descriptor, struct_size, 12);
  EXPECT_FIELD(gh_plugin_descriptor, kind, 16);
  EXPECT_FIELD(gh_plugin_descriptor, name, 24);
  EXPECT_FIELD(gh_plugin_descriptor, version, 40);
  EXPECT_FIELD(gh_plugin_descriptor, init, 56);
  EXPECT_FIELD(gh_plugin_descriptor, shutdown, 64);
  EXPECT_FIELD(gh_plugin_descriptor, provider, 72);
  EXPECT_FIELD(gh_plugin_descriptor, auth, 80);
  EXPECT_FIELD(gh_plugin_descriptor, billing, 88);
}

} // namespace
