/* Refused: an auth plugin that offers login_start but no login_finish, so it could start
 * sign-ins nobody can finish. The host must refuse it before calling anything. */
#include "tiny_plugin.h"

static gh_status authenticate(void* plugin_state, gh_call* call, gh_request* request,
                              gh_auth_verdict* out_verdict, gh_principal* out_principal) {
  (void)plugin_state;
  (void)call;
  (void)request;
  (void)out_verdict;
  (void)out_principal;
  abort();
}

static gh_status login_start(void* plugin_state, gh_call* call, gh_str state_value, gh_str redirect_uri,
                             gh_buffer* out_location, gh_buffer* out_flow) {
  (void)plugin_state;
  (void)call;
  (void)state_value;
  (void)redirect_uri;
  (void)out_location;
  (void)out_flow;
  abort();
}

static const gh_auth_vtable auth_table = {
    .struct_size = sizeof(gh_auth_vtable),
    .authenticate = authenticate,
    .login_start = login_start,
    .login_finish = NULL,
};

static const gh_plugin_descriptor descriptor = {
    .magic = GH_PLUGIN_MAGIC,
    .abi_major = GH_ABI_VERSION_MAJOR,
    .abi_minor = GH_ABI_VERSION_MINOR,
    .struct_size = sizeof(gh_plugin_descriptor),
    .kind = GH_KIND_AUTH,
    .name = TINY_STR("login_half"),
    .version = TINY_STR("1.0.0"),
    .init = tiny_init_must_not_run,
    .shutdown = tiny_shutdown_must_not_run,
    .auth = &auth_table,
};

GH_PLUGIN_EXPORT const gh_plugin_descriptor* gatehouse_plugin_descriptor(void) {
  return &descriptor;
}
