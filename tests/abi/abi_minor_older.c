/* Accepted: a provider built for ABI 1.0, before upstream I/O. It uses only 1.0 host
 * functions and reports usage with the 1.0 gh_usage size; the bytes after it (here the 1.1
 * image fields, set to junk) are not its own, so the host must not read them. */
#include <stddef.h>

#include "tiny_plugin.h"

typedef struct older_state {
  const gh_host_api* api;
} older_state;

static gh_status init(const gh_host_api* api, gh_host* host, gh_call* call, void** out_state) {
  older_state* state = calloc(1, sizeof *state);
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

static gh_status create(void* plugin_state, gh_call* call, gh_str provider_name, gh_str config_json,
                        void** out_instance) {
  (void)call;
  (void)provider_name;
  (void)config_json;
  *out_instance = plugin_state;
  return GH_OK;
}

static void destroy(void* instance) {
  (void)instance;
}

static gh_status handle(void* instance, gh_call* call, gh_exchange* exchange) {
  const gh_host_api* api = ((older_state*)instance)->api;
  gh_usage usage;
  gh_status status;
  (void)call;
  memset(&usage, 0, sizeof usage);
  usage.struct_size = (uint32_t)offsetof(gh_usage, image_width); /* sizeof(gh_usage) in 1.0 */
  usage.images = 1;
  usage.image_width = 7777;
  usage.image_height = 7777;
  usage.image_quality = 7777;
  status = api->exchange_report_usage(exchange, &usage);
  if (status != GH_OK) {
    return status;
  }
  return api->exchange_respond(exchange, 200, tiny_str("application/json"), tiny_str("{\"abi\":\"1.0\"}"));
}

static const gh_provider_vtable provider_table = {
    .struct_size = sizeof(gh_provider_vtable),
    .create = create,
    .destroy = destroy,
    .handle = handle,
};

static const gh_plugin_descriptor descriptor = {
    .magic = GH_PLUGIN_MAGIC,
    .abi_major = GH_ABI_VERSION_MAJOR,
    .abi_minor = 0,
    .struct_size = sizeof(gh_plugin_descriptor),
    .kind = GH_KIND_PROVIDER,
    .name = TINY_STR("abi_minor_older"),
    .version = TINY_STR("1.0.0"),
    .init = init,
    .shutdown = plugin_shutdown,
    .provider = &provider_table,
};

GH_PLUGIN_EXPORT const gh_plugin_descriptor* gatehouse_plugin_descriptor(void) {
  return &descriptor;
}
