/* A minimal valid auth plugin keyed on the Authorization header:
 *   "Bearer good"   -> accepted as user:good (admin, with team/app/key/scopes)
 *   "Bearer bad"    -> denied, with a reason
 *   "Bearer broken" -> the plugin itself fails (its "store" is down)
 *   anything else   -> not mine */
#include "tiny_plugin.h"

typedef struct auth_state {
  const gh_host_api* api;
} auth_state;

static gh_status init(const gh_host_api* api, gh_host* host, gh_call* call, void** out_state) {
  auth_state* state = calloc(1, sizeof *state);
  (void)host;
  if (state == NULL) {
    api->set_error(call, tiny_str("out of memory"));
    return GH_ERROR_INTERNAL;
  }
  state->api = api;
  *out_state = state;
  return GH_OK;
}

static void auth_shutdown(void* state) {
  free(state);
}

static gh_status authenticate(void* plugin_state, gh_call* call, gh_request* request,
                              gh_auth_verdict* out_verdict, gh_principal* out_principal) {
  const auth_state* state = plugin_state;
  gh_str header = state->api->request_header(request, tiny_str("authorization"));
  if (tiny_equals(header, "Bearer good")) {
    gh_str subject = TINY_STR("user:good");
    gh_str team = TINY_STR("team-a");
    gh_str app = TINY_STR("test-app");
    gh_str key_id = TINY_STR("key-1");
    gh_str scopes = TINY_STR("model:* endpoint:chat");
    out_principal->role = GH_ROLE_ADMIN;
    out_principal->subject = subject;
    out_principal->team = team;
    out_principal->app = app;
    out_principal->key_id = key_id;
    out_principal->scopes = scopes;
    *out_verdict = GH_AUTH_ACCEPTED;
    return GH_OK;
  }
  if (tiny_equals(header, "Bearer bad")) {
    state->api->set_error(call, tiny_str("token has been revoked"));
    *out_verdict = GH_AUTH_DENIED;
    return GH_OK;
  }
  if (tiny_equals(header, "Bearer broken")) {
    state->api->set_error(call, tiny_str("token store unreachable"));
    return GH_ERROR_UNAVAILABLE;
  }
  *out_verdict = GH_AUTH_NOT_MINE;
  return GH_OK;
}

static const gh_auth_vtable auth_table = {
    .struct_size = sizeof(gh_auth_vtable),
    .authenticate = authenticate,
};

static const gh_plugin_descriptor descriptor = {
    .magic = GH_PLUGIN_MAGIC,
    .abi_major = GH_ABI_VERSION_MAJOR,
    .abi_minor = GH_ABI_VERSION_MINOR,
    .struct_size = sizeof(gh_plugin_descriptor),
    .kind = GH_KIND_AUTH,
    .name = TINY_STR("good_auth"),
    .version = TINY_STR("1.0.0"),
    .init = init,
    .shutdown = auth_shutdown,
    .auth = &auth_table,
};

GH_PLUGIN_EXPORT const gh_plugin_descriptor* gatehouse_plugin_descriptor(void) {
  return &descriptor;
}
