/* A provider written in plain C against plugin_abi.h alone, as the plugin guide shows:
 * it proves the header is valid C11 and that the FakeHost drives a plugin that does not
 * use the C++ helper. It answers with "<upstream model>:<request body>" and records the
 * order of its lifecycle calls for the test to read. */
#include <gatehouse/plugin_abi.h>

#include <stdlib.h>
#include <string.h>

typedef struct plugin_state {
  const gh_host_api* api;
  gh_host* host;
} plugin_state;

typedef struct instance {
  const gh_host_api* api;
  char name[32];
} instance;

static char lifecycle[256];

static void note(const char* event, const char* name) {
  strncat(lifecycle, event, sizeof lifecycle - strlen(lifecycle) - 1);
  strncat(lifecycle, name, sizeof lifecycle - strlen(lifecycle) - 1);
  strncat(lifecycle, ";", sizeof lifecycle - strlen(lifecycle) - 1);
}

static gh_str literal(const char* text) {
  gh_str out = {text, strlen(text)};
  return out;
}

static gh_status plugin_init(const gh_host_api* api, gh_host* host, gh_call* call, void** out_state) {
  gh_str config = api->plugin_config(host);
  if (config.len == 4 && memcmp(config.ptr, "fail", 4) == 0) {
    api->set_error(call, literal("config says fail"));
    return GH_ERROR_CONFIG;
  }
  plugin_state* state = malloc(sizeof *state);
  if (state == NULL) {
    return GH_ERROR_INTERNAL;
  }
  state->api = api;
  state->host = host;
  api->log(host, GH_LOG_INFO, literal("plain C provider ready"));
  lifecycle[0] = '\0';
  note("init", "");
  *out_state = state;
  return GH_OK;
}

static void plugin_shutdown(void* state) {
  note("shutdown", "");
  free(state);
}

static gh_status provider_create(void* plugin_state_ptr, gh_call* call, gh_str provider_name,
                                 gh_str config_json, void** out_instance) {
  plugin_state* state = plugin_state_ptr;
  (void)config_json;
  if (provider_name.len == 0 || provider_name.len >= sizeof(((instance*)0)->name)) {
    state->api->set_error(call, literal("provider name must be 1 to 31 bytes"));
    return GH_ERROR_CONFIG;
  }
  instance* made = calloc(1, sizeof *made);
  if (made == NULL) {
    return GH_ERROR_INTERNAL;
  }
  made->api = state->api;
  memcpy(made->name, provider_name.ptr, provider_name.len);
  note("create:", made->name);
  *out_instance = made;
  return GH_OK;
}

static void provider_destroy(void* instance_ptr) {
  instance* self = instance_ptr;
  note("destroy:", self->name);
  free(self);
}

static gh_status provider_handle(void* instance_ptr, gh_call* call, gh_exchange* exchange) {
  const instance* self = instance_ptr;
  const gh_host_api* api = self->api;
  if (api->exchange_endpoint(exchange) != GH_ENDPOINT_CHAT_COMPLETIONS) {
    api->set_error(call, literal("only chat completions"));
    return GH_ERROR_UNSUPPORTED;
  }
  gh_str upstream = api->exchange_upstream_model(exchange);
  gh_str body = api->exchange_request_body(exchange);
  char reply[512];
  if (upstream.len + 1 + body.len > sizeof reply) {
    api->set_error(call, literal("request too large for this tiny plugin"));
    return GH_ERROR_INVALID_ARGUMENT;
  }
  memcpy(reply, upstream.ptr, upstream.len);
  reply[upstream.len] = ':';
  memcpy(reply + upstream.len + 1, body.ptr, body.len);
  gh_str answer = {reply, upstream.len + 1 + body.len};
  gh_usage usage = {sizeof(gh_usage), 0, 1, 2, 0, 0, 0, 0, 0, 0, 0, GH_IMAGE_QUALITY_UNKNOWN, 0};
  api->exchange_report_usage(exchange, &usage);
  return api->exchange_respond(exchange, 200, literal("text/plain"), answer);
}

static const gh_provider_vtable provider_vtable = {sizeof(gh_provider_vtable), 0, provider_create,
                                                   provider_destroy, provider_handle};

static const gh_plugin_descriptor descriptor = {GH_PLUGIN_MAGIC,
                                                GH_ABI_VERSION_MAJOR,
                                                GH_ABI_VERSION_MINOR,
                                                sizeof(gh_plugin_descriptor),
                                                GH_KIND_PROVIDER,
                                                0,
                                                {"plain-c", 7},
                                                {"0.1.0", 5},
                                                plugin_init,
                                                plugin_shutdown,
                                                &provider_vtable,
                                                NULL,
                                                NULL};

GH_PLUGIN_EXPORT const gh_plugin_descriptor* gatehouse_plugin_descriptor(void) {
  return &descriptor;
}

/* Test-only: what happened so far, e.g. "init;create:a;destroy:a;shutdown;". */
const char* plain_c_provider_lifecycle(void) {
  return lifecycle;
}
