/* Passes the handshake, then refuses its configuration in init. Its shutdown must never
 * run, since init failed. */
#include "tiny_plugin.h"

static gh_status init(const gh_host_api* api, gh_host* host, gh_call* call, void** out_state) {
  (void)host;
  *out_state = NULL;
  api->set_error(call, tiny_str("missing required setting 'region'"));
  return GH_ERROR_CONFIG;
}

static const gh_provider_vtable provider_table = {
    .struct_size = sizeof(gh_provider_vtable),
    .create = tiny_create,
    .destroy = tiny_destroy,
    .handle = tiny_handle,
};

static const gh_plugin_descriptor descriptor = {
    .magic = GH_PLUGIN_MAGIC,
    .abi_major = GH_ABI_VERSION_MAJOR,
    .abi_minor = GH_ABI_VERSION_MINOR,
    .struct_size = sizeof(gh_plugin_descriptor),
    .kind = GH_KIND_PROVIDER,
    .name = TINY_STR("init_fails"),
    .version = TINY_STR("1.0.0"),
    .init = init,
    .shutdown = tiny_shutdown_must_not_run,
    .provider = &provider_table,
};

GH_PLUGIN_EXPORT const gh_plugin_descriptor* gatehouse_plugin_descriptor(void) {
  return &descriptor;
}
