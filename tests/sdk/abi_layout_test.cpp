// Pins the binary layout of plugin_abi.h on x86_64 / LP64. Plugins built against an older
// header must keep working, so any change that moves a field, resizes a struct, reorders
// a function slot or renumbers a constant must fail here. Growing a struct at its end is
// the only allowed change; it bumps GH_ABI_VERSION_MINOR and updates this file.
#include <gatehouse/plugin_abi.h>

#include <gtest/gtest.h>

#include <cstddef>
#include <cstring>
#include <string>
#include <type_traits>

static_assert(sizeof(void*) == 8 && sizeof(size_t) == 8, "the pinned numbers are those of LP64 targets");

#define EXPECT_FIELD(type, field, offset, size)                                                              \
  do {                                                                                                       \
    EXPECT_EQ(offsetof(type, field), static_cast<std::size_t>(offset)) << #type "." #field;                  \
    EXPECT_EQ(sizeof(type::field), static_cast<std::size_t>(size)) << #type "." #field;                      \
  } while (0)

namespace {

TEST(AbiLayout, ScalarTypedefsAreFourBytes) {
  EXPECT_EQ(sizeof(gh_status), 4u);
  EXPECT_EQ(sizeof(gh_plugin_kind), 4u);
  EXPECT_EQ(sizeof(gh_log_level), 4u);
  EXPECT_EQ(sizeof(gh_endpoint), 4u);
  EXPECT_EQ(sizeof(gh_role), 4u);
  EXPECT_EQ(sizeof(gh_auth_verdict), 4u);
  EXPECT_TRUE((std::is_signed_v<gh_status>));
}

TEST(AbiLayout, Str) {
  EXPECT_EQ(sizeof(gh_str), 16u);
  EXPECT_EQ(alignof(gh_str), 8u);
  EXPECT_FIELD(gh_str, ptr, 0, 8);
  EXPECT_FIELD(gh_str, len, 8, 8);
}

TEST(AbiLayout, Usage) {
  EXPECT_EQ(sizeof(gh_usage), 80u);
  EXPECT_FIELD(gh_usage, struct_size, 0, 4);
  EXPECT_FIELD(gh_usage, reserved, 4, 4);
  EXPECT_FIELD(gh_usage, prompt_tokens, 8, 8);
  EXPECT_FIELD(gh_usage, completion_tokens, 16, 8);
  EXPECT_FIELD(gh_usage, cached_prompt_tokens, 24, 8);
  EXPECT_FIELD(gh_usage, reasoning_tokens, 32, 8);
  EXPECT_FIELD(gh_usage, images, 40, 8);
  EXPECT_FIELD(gh_usage, audio_milliseconds, 48, 8);
  EXPECT_FIELD(gh_usage, characters, 56, 8);
  // 1.1
  EXPECT_FIELD(gh_usage, image_width, 64, 4);
  EXPECT_FIELD(gh_usage, image_height, 68, 4);
  EXPECT_FIELD(gh_usage, image_quality, 72, 4);
  EXPECT_FIELD(gh_usage, reserved2, 76, 4);
}

// A 1.0 plugin's gh_usage ends where the 1.1 fields start: that is the struct_size it sends,
// and the host reads nothing past it.
TEST(AbiLayout, UsageGrewOnlyAtItsEnd) {
  EXPECT_EQ(offsetof(gh_usage, image_width), 64u);
}

TEST(AbiLayout, Principal) {
  EXPECT_EQ(sizeof(gh_principal), 112u);
  EXPECT_FIELD(gh_principal, struct_size, 0, 4);
  EXPECT_FIELD(gh_principal, role, 4, 4);
  EXPECT_FIELD(gh_principal, subject, 8, 16);
  EXPECT_FIELD(gh_principal, team, 24, 16);
  EXPECT_FIELD(gh_principal, app, 40, 16);
  EXPECT_FIELD(gh_principal, key_id, 56, 16);
  EXPECT_FIELD(gh_principal, scopes, 72, 16);
  // 1.2
  EXPECT_FIELD(gh_principal, requests_per_minute, 88, 8);
  EXPECT_FIELD(gh_principal, tokens_per_minute, 96, 8);
  EXPECT_FIELD(gh_principal, monthly_budget_micro_usd, 104, 8);
}

// A 1.0/1.1 principal ends where the 1.2 limits start: that is the struct_size an older
// plugin writes, and the host reads no limit from it.
TEST(AbiLayout, PrincipalGrewOnlyAtItsEnd) {
  EXPECT_EQ(offsetof(gh_principal, requests_per_minute), 88u);
}

TEST(AbiLayout, UsageEvent) {
  EXPECT_EQ(sizeof(gh_usage_event), 240u);
  EXPECT_FIELD(gh_usage_event, struct_size, 0, 4);
  EXPECT_FIELD(gh_usage_event, http_status, 4, 4);
  EXPECT_FIELD(gh_usage_event, request_id, 8, 16);
  EXPECT_FIELD(gh_usage_event, subject, 24, 16);
  EXPECT_FIELD(gh_usage_event, team, 40, 16);
  EXPECT_FIELD(gh_usage_event, app, 56, 16);
  EXPECT_FIELD(gh_usage_event, key_id, 72, 16);
  EXPECT_FIELD(gh_usage_event, provider, 88, 16);
  EXPECT_FIELD(gh_usage_event, model, 104, 16);
  EXPECT_FIELD(gh_usage_event, upstream_model, 120, 16);
  EXPECT_FIELD(gh_usage_event, endpoint, 136, 4);
  EXPECT_FIELD(gh_usage_event, streamed, 140, 4);
  EXPECT_FIELD(gh_usage_event, started_at_ms, 144, 8);
  EXPECT_FIELD(gh_usage_event, duration_ms, 152, 8);
  EXPECT_FIELD(gh_usage_event, usage, 160, 80); // 64 in 1.0: gh_usage grew, and it is the last field
}

TEST(AbiLayout, Header) {
  EXPECT_EQ(sizeof(gh_header), 32u);
  EXPECT_FIELD(gh_header, name, 0, 16);
  EXPECT_FIELD(gh_header, value, 16, 16);
}

TEST(AbiLayout, UpstreamRequest) {
  EXPECT_EQ(sizeof(gh_upstream_request), 72u);
  EXPECT_FIELD(gh_upstream_request, struct_size, 0, 4);
  EXPECT_FIELD(gh_upstream_request, reserved, 4, 4);
  EXPECT_FIELD(gh_upstream_request, method, 8, 16);
  EXPECT_FIELD(gh_upstream_request, url, 24, 16);
  // NOLINTBEGIN(bugprone-sizeof-expression): these fields are pointers, their size is the point
  EXPECT_FIELD(gh_upstream_request, headers, 40, 8);
  EXPECT_FIELD(gh_upstream_request, header_count, 48, 8);
  EXPECT_FIELD(gh_upstream_request, body_parts, 56, 8);
  // NOLINTEND(bugprone-sizeof-expression)
  EXPECT_FIELD(gh_upstream_request, body_part_count, 64, 8);
}

TEST(AbiLayout, SseEvent) {
  EXPECT_EQ(sizeof(gh_sse_event), 56u);
  EXPECT_FIELD(gh_sse_event, struct_size, 0, 4);
  EXPECT_FIELD(gh_sse_event, end, 4, 4);
  EXPECT_FIELD(gh_sse_event, event, 8, 16);
  EXPECT_FIELD(gh_sse_event, data, 24, 16);
  EXPECT_FIELD(gh_sse_event, id, 40, 16);
}

TEST(AbiLayout, Credential) {
  EXPECT_EQ(sizeof(gh_credential), 136u);
  EXPECT_FIELD(gh_credential, struct_size, 0, 4);
  EXPECT_FIELD(gh_credential, role, 4, 4);
  EXPECT_FIELD(gh_credential, key_id, 8, 16);
  EXPECT_FIELD(gh_credential, owner, 24, 16);
  EXPECT_FIELD(gh_credential, team, 40, 16);
  EXPECT_FIELD(gh_credential, name, 56, 16);
  EXPECT_FIELD(gh_credential, scopes, 72, 16);
  EXPECT_FIELD(gh_credential, expires_at_ms, 88, 8);
  EXPECT_FIELD(gh_credential, revoked_at_ms, 96, 8);
  EXPECT_FIELD(gh_credential, requests_per_minute, 104, 8);
  EXPECT_FIELD(gh_credential, tokens_per_minute, 112, 8);
  EXPECT_FIELD(gh_credential, monthly_budget_micro_usd, 120, 8);
  EXPECT_FIELD(gh_credential, owner_disabled, 128, 4);
  EXPECT_FIELD(gh_credential, disabled, 132, 4);
}

TEST(AbiLayout, Identity) {
  EXPECT_EQ(sizeof(gh_identity), 96u);
  EXPECT_FIELD(gh_identity, struct_size, 0, 4);
  EXPECT_FIELD(gh_identity, role, 4, 4);
  EXPECT_FIELD(gh_identity, issuer, 8, 16);
  EXPECT_FIELD(gh_identity, subject, 24, 16);
  EXPECT_FIELD(gh_identity, email, 40, 16);
  EXPECT_FIELD(gh_identity, name, 56, 16);
  EXPECT_FIELD(gh_identity, teams, 72, 16);
  EXPECT_FIELD(gh_identity, is_service, 88, 4);
  EXPECT_FIELD(gh_identity, reserved, 92, 4);
}

TEST(AbiLayout, HostApi) {
  EXPECT_EQ(sizeof(gh_host_api), 328u);
  EXPECT_FIELD(gh_host_api, struct_size, 0, 4);
  EXPECT_FIELD(gh_host_api, abi_major, 4, 2);
  EXPECT_FIELD(gh_host_api, abi_minor, 6, 2);
  EXPECT_FIELD(gh_host_api, log, 8, 8);
  EXPECT_FIELD(gh_host_api, log_enabled, 16, 8);
  EXPECT_FIELD(gh_host_api, set_error, 24, 8);
  EXPECT_FIELD(gh_host_api, plugin_config, 32, 8);
  EXPECT_FIELD(gh_host_api, plugin_name, 40, 8);
  EXPECT_FIELD(gh_host_api, resolve_secret, 48, 8);
  EXPECT_FIELD(gh_host_api, buffer_append, 56, 8);
  EXPECT_FIELD(gh_host_api, buffer_view, 64, 8);
  EXPECT_FIELD(gh_host_api, exchange_endpoint, 72, 8);
  EXPECT_FIELD(gh_host_api, exchange_request_body, 80, 8);
  EXPECT_FIELD(gh_host_api, exchange_model, 88, 8);
  EXPECT_FIELD(gh_host_api, exchange_upstream_model, 96, 8);
  EXPECT_FIELD(gh_host_api, exchange_wants_stream, 104, 8);
  EXPECT_FIELD(gh_host_api, exchange_request_id, 112, 8);
  EXPECT_FIELD(gh_host_api, exchange_respond, 120, 8);
  EXPECT_FIELD(gh_host_api, exchange_stream_event, 128, 8);
  EXPECT_FIELD(gh_host_api, exchange_report_usage, 136, 8);
  EXPECT_FIELD(gh_host_api, request_header, 144, 8);
  EXPECT_FIELD(gh_host_api, request_method, 152, 8);
  EXPECT_FIELD(gh_host_api, request_path, 160, 8);
  EXPECT_FIELD(gh_host_api, request_client_address, 168, 8);
  EXPECT_FIELD(gh_host_api, buffer_create, 176, 8);
  EXPECT_FIELD(gh_host_api, buffer_destroy, 184, 8);
  // 1.1: appended after the whole 1.0 table (192 bytes), in this order.
  EXPECT_FIELD(gh_host_api, exchange_request_header, 192, 8);
  EXPECT_FIELD(gh_host_api, exchange_form_field, 200, 8);
  EXPECT_FIELD(gh_host_api, exchange_stream_begin, 208, 8);
  EXPECT_FIELD(gh_host_api, exchange_stream_write, 216, 8);
  EXPECT_FIELD(gh_host_api, upstream_send, 224, 8);
  EXPECT_FIELD(gh_host_api, upstream_status, 232, 8);
  EXPECT_FIELD(gh_host_api, upstream_header, 240, 8);
  EXPECT_FIELD(gh_host_api, upstream_read_body, 248, 8);
  EXPECT_FIELD(gh_host_api, upstream_next_event, 256, 8);
  EXPECT_FIELD(gh_host_api, upstream_read_chunk, 264, 8);
  EXPECT_FIELD(gh_host_api, upstream_close, 272, 8);
  EXPECT_FIELD(gh_host_api, call_error, 280, 8);
  EXPECT_FIELD(gh_host_api, buffer_clear, 288, 8);
  // 1.2: appended after the whole 1.1 table (296 bytes), in this order.
  EXPECT_FIELD(gh_host_api, credential_find, 296, 8);
  EXPECT_FIELD(gh_host_api, identity_resolve, 304, 8);
  EXPECT_FIELD(gh_host_api, http_send, 312, 8);
  // 1.3: appended after the whole 1.2 table (320 bytes).
  EXPECT_FIELD(gh_host_api, exchange_credential, 320, 8);
}

TEST(AbiLayout, ProviderVtable) {
  EXPECT_EQ(sizeof(gh_provider_vtable), 32u);
  EXPECT_FIELD(gh_provider_vtable, struct_size, 0, 4);
  EXPECT_FIELD(gh_provider_vtable, reserved, 4, 4);
  EXPECT_FIELD(gh_provider_vtable, create, 8, 8);
  EXPECT_FIELD(gh_provider_vtable, destroy, 16, 8);
  EXPECT_FIELD(gh_provider_vtable, handle, 24, 8);
}

TEST(AbiLayout, AuthVtable) {
  EXPECT_EQ(sizeof(gh_auth_vtable), 32u);
  EXPECT_FIELD(gh_auth_vtable, struct_size, 0, 4);
  EXPECT_FIELD(gh_auth_vtable, reserved, 4, 4);
  EXPECT_FIELD(gh_auth_vtable, authenticate, 8, 8);
  // 1.2: a 1.0/1.1 auth plugin's table is 16 bytes and offers no sign-in.
  EXPECT_FIELD(gh_auth_vtable, login_start, 16, 8);
  EXPECT_FIELD(gh_auth_vtable, login_finish, 24, 8);
}

TEST(AbiLayout, BillingVtable) {
  EXPECT_EQ(sizeof(gh_billing_vtable), 32u);
  EXPECT_FIELD(gh_billing_vtable, struct_size, 0, 4);
  EXPECT_FIELD(gh_billing_vtable, reserved, 4, 4);
  EXPECT_FIELD(gh_billing_vtable, admit, 8, 8);
  EXPECT_FIELD(gh_billing_vtable, price, 16, 8);
  EXPECT_FIELD(gh_billing_vtable, record, 24, 8);
}

TEST(AbiLayout, Descriptor) {
  EXPECT_EQ(sizeof(gh_plugin_descriptor), 96u);
  EXPECT_FIELD(gh_plugin_descriptor, magic, 0, 8);
  EXPECT_FIELD(gh_plugin_descriptor, abi_major, 8, 2);
  EXPECT_FIELD(gh_plugin_descriptor, abi_minor, 10, 2);
  EXPECT_FIELD(gh_plugin_descriptor, struct_size, 12, 4);
  EXPECT_FIELD(gh_plugin_descriptor, kind, 16, 4);
  EXPECT_FIELD(gh_plugin_descriptor, reserved, 20, 4);
  EXPECT_FIELD(gh_plugin_descriptor, name, 24, 16);
  EXPECT_FIELD(gh_plugin_descriptor, version, 40, 16);
  EXPECT_FIELD(gh_plugin_descriptor, init, 56, 8);
  EXPECT_FIELD(gh_plugin_descriptor, shutdown, 64, 8);
  // NOLINTBEGIN(bugprone-sizeof-expression): these fields are pointers, their size is the point
  EXPECT_FIELD(gh_plugin_descriptor, provider, 72, 8);
  EXPECT_FIELD(gh_plugin_descriptor, auth, 80, 8);
  EXPECT_FIELD(gh_plugin_descriptor, billing, 88, 8);
  // NOLINTEND(bugprone-sizeof-expression)
}

// Signatures are part of the ABI too: a changed parameter breaks every plugin silently.
static_assert(std::is_same_v<decltype(gh_host_api::log), void (*)(gh_host*, gh_log_level, gh_str)>);
static_assert(std::is_same_v<decltype(gh_host_api::log_enabled), int32_t (*)(gh_host*, gh_log_level)>);
static_assert(std::is_same_v<decltype(gh_host_api::set_error), void (*)(gh_call*, gh_str)>);
static_assert(std::is_same_v<decltype(gh_host_api::plugin_config), gh_str (*)(gh_host*)>);
static_assert(std::is_same_v<decltype(gh_host_api::plugin_name), gh_str (*)(gh_host*)>);
static_assert(std::is_same_v<decltype(gh_host_api::resolve_secret),
                             gh_status (*)(gh_host*, gh_call*, gh_str, gh_buffer*)>);
static_assert(std::is_same_v<decltype(gh_host_api::buffer_append), void (*)(gh_buffer*, gh_str)>);
static_assert(std::is_same_v<decltype(gh_host_api::buffer_view), gh_str (*)(gh_buffer*)>);
static_assert(std::is_same_v<decltype(gh_host_api::exchange_endpoint), gh_endpoint (*)(gh_exchange*)>);
static_assert(std::is_same_v<decltype(gh_host_api::exchange_request_body), gh_str (*)(gh_exchange*)>);
static_assert(std::is_same_v<decltype(gh_host_api::exchange_model), gh_str (*)(gh_exchange*)>);
static_assert(std::is_same_v<decltype(gh_host_api::exchange_upstream_model), gh_str (*)(gh_exchange*)>);
static_assert(std::is_same_v<decltype(gh_host_api::exchange_wants_stream), int32_t (*)(gh_exchange*)>);
static_assert(std::is_same_v<decltype(gh_host_api::exchange_request_id), gh_str (*)(gh_exchange*)>);
static_assert(std::is_same_v<decltype(gh_host_api::exchange_respond),
                             gh_status (*)(gh_exchange*, int32_t, gh_str, gh_str)>);
static_assert(
    std::is_same_v<decltype(gh_host_api::exchange_stream_event), gh_status (*)(gh_exchange*, gh_str)>);
static_assert(std::is_same_v<decltype(gh_host_api::exchange_report_usage),
                             gh_status (*)(gh_exchange*, const gh_usage*)>);
static_assert(std::is_same_v<decltype(gh_host_api::request_header), gh_str (*)(gh_request*, gh_str)>);
static_assert(std::is_same_v<decltype(gh_host_api::request_method), gh_str (*)(gh_request*)>);
static_assert(std::is_same_v<decltype(gh_host_api::request_path), gh_str (*)(gh_request*)>);
static_assert(std::is_same_v<decltype(gh_host_api::request_client_address), gh_str (*)(gh_request*)>);
static_assert(std::is_same_v<decltype(gh_host_api::buffer_create), gh_buffer* (*)(gh_host*)>);
static_assert(std::is_same_v<decltype(gh_host_api::buffer_destroy), void (*)(gh_buffer*)>);
// 1.1
static_assert(
    std::is_same_v<decltype(gh_host_api::exchange_request_header), gh_str (*)(gh_exchange*, gh_str)>);
static_assert(std::is_same_v<decltype(gh_host_api::exchange_form_field), gh_str (*)(gh_exchange*, gh_str)>);
static_assert(std::is_same_v<decltype(gh_host_api::exchange_stream_begin),
                             gh_status (*)(gh_exchange*, int32_t, gh_str)>);
static_assert(
    std::is_same_v<decltype(gh_host_api::exchange_stream_write), gh_status (*)(gh_exchange*, gh_str)>);
static_assert(
    std::is_same_v<decltype(gh_host_api::upstream_send),
                   gh_status (*)(gh_exchange*, gh_call*, const gh_upstream_request*, gh_upstream**)>);
static_assert(std::is_same_v<decltype(gh_host_api::upstream_status), int32_t (*)(gh_upstream*)>);
static_assert(std::is_same_v<decltype(gh_host_api::upstream_header), gh_str (*)(gh_upstream*, gh_str)>);
static_assert(std::is_same_v<decltype(gh_host_api::upstream_read_body),
                             gh_status (*)(gh_upstream*, gh_call*, gh_buffer*)>);
static_assert(std::is_same_v<decltype(gh_host_api::upstream_next_event),
                             gh_status (*)(gh_upstream*, gh_call*, gh_sse_event*)>);
static_assert(std::is_same_v<decltype(gh_host_api::upstream_read_chunk),
                             gh_status (*)(gh_upstream*, gh_call*, gh_buffer*)>);
static_assert(std::is_same_v<decltype(gh_host_api::upstream_close), void (*)(gh_upstream*)>);
static_assert(std::is_same_v<decltype(gh_host_api::call_error), gh_str (*)(gh_call*)>);
static_assert(std::is_same_v<decltype(gh_host_api::buffer_clear), void (*)(gh_buffer*)>);
// 1.2
static_assert(std::is_same_v<decltype(gh_host_api::credential_find),
                             gh_status (*)(gh_host*, gh_call*, gh_str, gh_credential*)>);
static_assert(std::is_same_v<decltype(gh_host_api::identity_resolve),
                             gh_status (*)(gh_host*, gh_call*, const gh_identity*, gh_principal*)>);
static_assert(std::is_same_v<decltype(gh_host_api::http_send),
                             gh_status (*)(gh_host*, gh_call*, const gh_upstream_request*, gh_upstream**)>);
static_assert(std::is_same_v<decltype(gh_auth_vtable::login_start),
                             gh_status (*)(void*, gh_call*, gh_str, gh_str, gh_buffer*, gh_buffer*)>);
static_assert(std::is_same_v<decltype(gh_auth_vtable::login_finish),
                             gh_status (*)(void*, gh_call*, gh_str, gh_str, gh_str, gh_identity*)>);
static_assert(std::is_same_v<decltype(gh_principal::requests_per_minute), int64_t>);
static_assert(std::is_same_v<decltype(gh_principal::tokens_per_minute), int64_t>);
static_assert(std::is_same_v<decltype(gh_principal::monthly_budget_micro_usd), int64_t>);
static_assert(std::is_same_v<decltype(gh_credential::role), gh_role>);
static_assert(std::is_same_v<decltype(gh_credential::expires_at_ms), int64_t>);
static_assert(std::is_same_v<decltype(gh_credential::owner_disabled), int32_t>);
static_assert(std::is_same_v<decltype(gh_credential::disabled), int32_t>);
static_assert(std::is_same_v<decltype(gh_identity::role), gh_role>);
static_assert(std::is_same_v<decltype(gh_identity::teams), gh_str>);
static_assert(std::is_same_v<decltype(gh_identity::is_service), int32_t>);
static_assert(std::is_same_v<decltype(gh_header::name), gh_str>);
static_assert(std::is_same_v<decltype(gh_upstream_request::headers), const gh_header*>);
static_assert(std::is_same_v<decltype(gh_upstream_request::header_count), size_t>);
static_assert(std::is_same_v<decltype(gh_upstream_request::body_parts), const gh_str*>);
static_assert(std::is_same_v<decltype(gh_upstream_request::body_part_count), size_t>);
static_assert(std::is_same_v<decltype(gh_sse_event::end), int32_t>);
static_assert(std::is_same_v<decltype(gh_usage::image_width), int32_t>);
static_assert(std::is_same_v<decltype(gh_usage::image_quality), int32_t>);
static_assert(std::is_same_v<decltype(gh_provider_vtable::create),
                             gh_status (*)(void*, gh_call*, gh_str, gh_str, void**)>);
static_assert(std::is_same_v<decltype(gh_provider_vtable::destroy), void (*)(void*)>);
static_assert(
    std::is_same_v<decltype(gh_provider_vtable::handle), gh_status (*)(void*, gh_call*, gh_exchange*)>);
static_assert(std::is_same_v<decltype(gh_auth_vtable::authenticate),
                             gh_status (*)(void*, gh_call*, gh_request*, gh_auth_verdict*, gh_principal*)>);
static_assert(std::is_same_v<decltype(gh_billing_vtable::admit),
                             gh_status (*)(void*, gh_call*, const gh_principal*, gh_str, int32_t*)>);
static_assert(std::is_same_v<decltype(gh_billing_vtable::price),
                             gh_status (*)(void*, gh_call*, const gh_usage_event*, int64_t*)>);
static_assert(std::is_same_v<decltype(gh_billing_vtable::record),
                             gh_status (*)(void*, gh_call*, const gh_usage_event*, int64_t)>);
static_assert(std::is_same_v<decltype(gh_plugin_descriptor::init),
                             gh_status (*)(const gh_host_api*, gh_host*, gh_call*, void**)>);
static_assert(std::is_same_v<decltype(gh_plugin_descriptor::shutdown), void (*)(void*)>);
static_assert(std::is_same_v<gh_plugin_entry_fn, const gh_plugin_descriptor* (*)(void)>);

TEST(AbiConstants, MagicSpellsGatehse1InMemory) {
  EXPECT_EQ(GH_PLUGIN_MAGIC, UINT64_C(0x3145534845544147));
  const uint64_t magic = GH_PLUGIN_MAGIC;
  char bytes[8];
  std::memcpy(bytes, &magic, sizeof bytes);
  EXPECT_EQ(std::string(bytes, sizeof bytes), "GATEHSE1");
}

TEST(AbiConstants, VersionAndEntryPoint) {
  EXPECT_EQ(GH_ABI_VERSION_MAJOR, 1);
  EXPECT_EQ(GH_ABI_VERSION_MINOR, 3);
  EXPECT_STREQ(GH_PLUGIN_ENTRY_SYMBOL, "gatehouse_plugin_descriptor");
}

TEST(AbiConstants, StatusCodes) {
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
  EXPECT_EQ(GH_ERROR_UPSTREAM_TIMEOUT, 12); // 1.1
}

TEST(AbiConstants, KindsLevelsEndpointsRolesVerdicts) {
  EXPECT_EQ(GH_KIND_PROVIDER, 1);
  EXPECT_EQ(GH_KIND_AUTH, 2);
  EXPECT_EQ(GH_KIND_BILLING, 3);
  EXPECT_EQ(GH_LOG_DEBUG, 0);
  EXPECT_EQ(GH_LOG_INFO, 1);
  EXPECT_EQ(GH_LOG_WARN, 2);
  EXPECT_EQ(GH_LOG_ERROR, 3);
  EXPECT_EQ(GH_ENDPOINT_CHAT_COMPLETIONS, 1);
  EXPECT_EQ(GH_ENDPOINT_EMBEDDINGS, 2);
  EXPECT_EQ(GH_ENDPOINT_IMAGES, 3);
  EXPECT_EQ(GH_ENDPOINT_AUDIO_SPEECH, 4);
  EXPECT_EQ(GH_ENDPOINT_AUDIO_TRANSCRIPTION, 5);
  EXPECT_EQ(GH_ENDPOINT_MODELS, 6); // 1.1
  EXPECT_EQ(GH_ROLE_MEMBER, 1);
  EXPECT_EQ(GH_ROLE_ADMIN, 2);
  EXPECT_EQ(GH_AUTH_NOT_MINE, 0);
  EXPECT_EQ(GH_AUTH_ACCEPTED, 1);
  EXPECT_EQ(GH_AUTH_DENIED, 2);
}

TEST(AbiConstants, ImageQualities) {
  EXPECT_EQ(GH_IMAGE_QUALITY_UNKNOWN, 0); // what a zeroed or a 1.0 gh_usage reads as
  EXPECT_EQ(GH_IMAGE_QUALITY_LOW, 1);
  EXPECT_EQ(GH_IMAGE_QUALITY_MEDIUM, 2);
  EXPECT_EQ(GH_IMAGE_QUALITY_HIGH, 3);
}

} // namespace
