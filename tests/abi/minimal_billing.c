/* A billing plugin that implements none of its optional functions: the host must admit
 * everything, leave events unpriced and skip recording. */
#include "tiny_plugin.h"

static gh_status init(const gh_host_api* api, gh_host* host, gh_call* call, void** out_state) {
  (void)api;
  (void)host;
  (void)call;
  *out_state = NULL;
  return GH_OK;
}

static void billing_shutdown(void* state) {
  (void)state;
}

static const gh_billing_vtable billing_table = {
    .struct_size = sizeof(gh_billing_vtable),
    .admit = NULL,
    .price = NULL,
    .record = NULL,
};

static const gh_plugin_descriptor descriptor = {
    .magic = GH_PLUGIN_MAGIC,
    .abi_major = GH_ABI_VERSION_MAJOR,
    .abi_minor = GH_ABI_VERSION_MINOR,
    .struct_size = sizeof(gh_plugin_descriptor),
    .kind = GH_KIND_BILLING,
    .name = TINY_STR("minimal_billing"),
    .version = TINY_STR("1.0.0"),
    .init = init,
    .shutdown = billing_shutdown,
    .billing = &billing_table,
};

GH_PLUGIN_EXPORT const gh_plugin_descriptor* gatehouse_plugin_descriptor(void) {
  return &descriptor;
}
