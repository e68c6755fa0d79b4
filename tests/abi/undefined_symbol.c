/* Refused at dlopen: calls a function no library defines. Because it is a function
 * (bound lazily by default), this only fails at load time if the host loads with
 * RTLD_NOW, which is the point: otherwise the gateway would crash on the first call. */
#include "tiny_plugin.h"

extern int gatehouse_symbol_that_does_not_exist(void);

static gh_status init(const gh_host_api* api, gh_host* host, gh_call* call, void** out_state) {
  (void)api;
  (void)host;
  (void)call;
  *out_state = NULL;
  return gatehouse_symbol_that_does_not_exist() == 0 ? GH_OK : GH_ERROR_INTERNAL;
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
    .name = TINY_STR("undefined_symbol"),
    .version = TINY_STR("1.0.0"),
    .init = init,
    .shutdown = tiny_shutdown_must_not_run,
    .provider = &provider_table,
};

GH_PLUGIN_EXPORT const gh_plugin_descriptor* gatehouse_plugin_descriptor(void) {
  return &descriptor;
}
