/* Refused: built for the minor after this host's, so it may call host functions this host
 * does not have. One step newer is the case that matters: any newer minor is refused alike. */
#include "tiny_plugin.h"

static const gh_provider_vtable provider_table = {
    .struct_size = sizeof(gh_provider_vtable),
    .create = tiny_create,
    .destroy = tiny_destroy,
    .handle = tiny_handle,
};

static const gh_plugin_descriptor descriptor = {
    .magic = GH_PLUGIN_MAGIC,
    .abi_major = GH_ABI_VERSION_MAJOR,
    .abi_minor = GH_ABI_VERSION_MINOR + 1,
    .struct_size = sizeof(gh_plugin_descriptor),
    .kind = GH_KIND_PROVIDER,
    .name = TINY_STR("abi_minor_newer"),
    .version = TINY_STR("1.0.0"),
    .init = tiny_init_must_not_run,
    .shutdown = tiny_shutdown_must_not_run,
    .provider = &provider_table,
};

GH_PLUGIN_EXPORT const gh_plugin_descriptor* gatehouse_plugin_descriptor(void) {
  return &descriptor;
}
