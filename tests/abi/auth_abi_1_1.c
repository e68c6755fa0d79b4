/* Accepted: an auth plugin built for ABI 1.1, before browser sign-in and principal limits.
 * Its table declares the 1.1 size, so the sign-in slots after it (here set to functions that
 * abort) are not its own; it declares the 1.1 principal size too, so the limits it leaves
 * behind (junk) must not be read. "Bearer old" is accepted as user:old; anything else is
 * not mine. */
#include <stddef.h>

#include "tiny_plugin.h"

typedef struct old_state {
  const gh_host_api* api;
} old_state;

static gh_status init(const gh_host_api* api, gh_host* host, gh_call* call, void** out_state) {
  old_state* state = calloc(1, sizeof *state);
  (void)host;
  if (state == NULL) {
    api->set_error(call, tiny_str("out of memory"));
    return GH_ERROR_INTERNAL;
  }
  state->api = api;
  *out_state = state;
  return GH_OK;
}

static void plugin_shutdown(void* state) {
  free(state);
}

static gh_status authenticate(void* plugin_state, gh_call* call, gh_request* request,
                              gh_auth_verdict* out_verdict, gh_principal* out_principal) {
  const old_state* state = plugin_state;
  (void)call;
  if (!tiny_equals(state->api->request_header(request, tiny_str("authorization")), "Bearer old")) {
    *out_verdict = GH_AUTH_NOT_MINE;
    return GH_OK;
  }
  out_principal->struct_size = (uint32_t)offsetof(gh_principal, requests_per_minute); /* 1.1 size */
  out_principal->role = GH_ROLE_MEMBER;
  out_principal->subject = tiny_str("user:old");
  out_principal->requests_per_minute = 7777;
  out_principal->tokens_per_minute = 7777;
  out_principal->monthly_budget_micro_usd = 7777;
  *out_verdict = GH_AUTH_ACCEPTED;
  return GH_OK;
}

static gh_status login_start_must_not_run(void* plugin_state, gh_call* call, gh_str state_value,
                                          gh_str redirect_uri, gh_buffer* out_location, gh_buffer* out_flow) {
  (void)plugin_state;
  (void)call;
  (void)state_value;
  (void)redirect_uri;
  (void)out_location;
  (void)out_flow;
  abort();
}

static gh_status login_finish_must_not_run(void* plugin_state, gh_call* call, gh_str redirect_uri,
                                           gh_str callback_query, gh_str flow, gh_identity* out_identity) {
  (void)plugin_state;
  (void)call;
  (void)redirect_uri;
  (void)callback_query;
  (void)flow;
  (void)out_identity;
  abort();
}

static const gh_auth_vtable auth_table = {
    .struct_size = (uint32_t)offsetof(gh_auth_vtable, login_start), /* sizeof(gh_auth_vtable) in 1.1 */
    .authenticate = authenticate,
    .login_start = login_start_must_not_run,
    .login_finish = login_finish_must_not_run,
};

static const gh_plugin_descriptor descriptor = {
    .magic = GH_PLUGIN_MAGIC,
    .abi_major = GH_ABI_VERSION_MAJOR,
    .abi_minor = 1,
    .struct_size = sizeof(gh_plugin_descriptor),
    .kind = GH_KIND_AUTH,
    .name = TINY_STR("auth_abi_1_1"),
    .version = TINY_STR("1.1.0"),
    .init = init,
    .shutdown = plugin_shutdown,
    .auth = &auth_table,
};

GH_PLUGIN_EXPORT const gh_plugin_descriptor* gatehouse_plugin_descriptor(void) {
  return &descriptor;
}
