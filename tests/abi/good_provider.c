/* A minimal valid provider. Its handle answers with a fixed JSON body built from what
 * the host's exchange_* calls returned, so tests can see each one forwarded:
 *   model "fail"         -> GH_ERROR_UPSTREAM with a message
 *   model "abuse-nulls"  -> calls host functions with NULL / broken arguments and
 *                           answers only if every one failed safely
 *   stream requested     -> two SSE chunks, stopping early if the host says cancelled
 * Config {"trace_file":"..."} (plugin or provider) appends lifecycle events to a file;
 * provider config containing "fail_create" makes create fail. State lives in the
 * plugin state, never in globals, so one library can be loaded under two names. */
#include "tiny_plugin.h"

typedef struct provider_state {
  const gh_host_api* api;
  gh_host* host;
  char name[128];
  char trace_file[512];
} provider_state;

typedef struct provider_instance {
  provider_state* plugin;
  char name[128];
} provider_instance;

static gh_status init(const gh_host_api* api, gh_host* host, gh_call* call, void** out_state) {
  provider_state* state = calloc(1, sizeof *state);
  if (state == NULL) {
    api->set_error(call, tiny_str("out of memory"));
    return GH_ERROR_INTERNAL;
  }
  state->api = api;
  state->host = host;
  tiny_copy(api->plugin_name(host), state->name, sizeof state->name);
  tiny_trace_path(api->plugin_config(host), state->trace_file, sizeof state->trace_file);
  tiny_trace(state->trace_file, "init", api->plugin_name(host));
  api->log(host, GH_LOG_INFO, tiny_str("good_provider ready"));
  *out_state = state;
  return GH_OK;
}

static void provider_shutdown(void* plugin_state) {
  provider_state* state = plugin_state;
  tiny_trace(state->trace_file, "shutdown", tiny_str(state->name));
  free(state);
}

static gh_status create(void* plugin_state, gh_call* call, gh_str provider_name, gh_str config_json,
                        void** out_instance) {
  provider_state* state = plugin_state;
  provider_instance* instance;
  char config[1024];
  tiny_copy(config_json, config, sizeof config);
  if (strstr(config, "fail_create") != NULL) {
    state->api->set_error(call, tiny_str("refusing to create: fail_create is set"));
    return GH_ERROR_CONFIG;
  }
  instance = calloc(1, sizeof *instance);
  if (instance == NULL) {
    state->api->set_error(call, tiny_str("out of memory"));
    return GH_ERROR_INTERNAL;
  }
  instance->plugin = state;
  tiny_copy(provider_name, instance->name, sizeof instance->name);
  tiny_trace(state->trace_file, "create", provider_name);
  *out_instance = instance;
  return GH_OK;
}

static void destroy(void* opaque) {
  provider_instance* instance = opaque;
  tiny_trace(instance->plugin->trace_file, "destroy", tiny_str(instance->name));
  free(instance);
}

static gh_status report_usage(const gh_host_api* api, gh_exchange* exchange) {
  gh_usage usage;
  memset(&usage, 0, sizeof usage);
  usage.struct_size = sizeof usage;
  usage.prompt_tokens = 3;
  usage.completion_tokens = 5;
  return api->exchange_report_usage(exchange, &usage);
}

/* Returns the name of the first host call that did not fail safely, or NULL. */
static const char* first_unsafe_null_handling(const gh_host_api* api, gh_exchange* exchange) {
  gh_str broken = {NULL, 5};
  gh_str text = TINY_STR("x");
  api->log(NULL, GH_LOG_ERROR, broken);
  api->set_error(NULL, text);
  api->buffer_append(NULL, text);
  if (api->buffer_view(NULL).len != 0) {
    return "buffer_view";
  }
  if (api->plugin_config(NULL).len != 0) {
    return "plugin_config";
  }
  if (api->plugin_name(NULL).len != 0) {
    return "plugin_name";
  }
  if (api->resolve_secret(NULL, NULL, broken, NULL) != GH_ERROR_INVALID_ARGUMENT) {
    return "resolve_secret";
  }
  if (api->exchange_model(NULL).len != 0) {
    return "exchange_model";
  }
  if (api->exchange_request_body(NULL).len != 0) {
    return "exchange_request_body";
  }
  if (api->exchange_wants_stream(NULL) != 0) {
    return "exchange_wants_stream";
  }
  if (api->exchange_respond(NULL, 200, text, text) != GH_ERROR_INVALID_ARGUMENT) {
    return "exchange_respond(NULL)";
  }
  if (api->exchange_respond(exchange, 200, text, broken) != GH_ERROR_INVALID_ARGUMENT) {
    return "exchange_respond";
  }
  if (api->exchange_stream_event(exchange, broken) != GH_ERROR_INVALID_ARGUMENT) {
    return "exchange_stream_event";
  }
  if (api->exchange_report_usage(exchange, NULL) != GH_ERROR_INVALID_ARGUMENT) {
    return "exchange_report_usage";
  }
  if (api->request_header(NULL, text).len != 0) {
    return "request_header";
  }
  if (api->request_path(NULL).len != 0) {
    return "request_path";
  }
  return NULL;
}

static gh_status stream(const gh_host_api* api, gh_call* call, gh_exchange* exchange) {
  gh_status status = api->exchange_stream_event(exchange, tiny_str("{\"chunk\":1}"));
  if (status == GH_OK) {
    status = api->exchange_stream_event(exchange, tiny_str("{\"chunk\":2}"));
  }
  if (status != GH_OK) {
    api->set_error(call, tiny_str("stream stopped"));
    return status;
  }
  return report_usage(api, exchange);
}

static gh_status handle(void* opaque, gh_call* call, gh_exchange* exchange) {
  provider_instance* instance = opaque;
  const gh_host_api* api = instance->plugin->api;
  gh_str model = api->exchange_model(exchange);
  gh_str upstream = api->exchange_upstream_model(exchange);
  gh_str request_id = api->exchange_request_id(exchange);
  char body[1024];
  const char* unsafe;
  gh_status status;
  int length;

  if (tiny_equals(model, "fail")) {
    api->set_error(call, tiny_str("upstream said no"));
    return GH_ERROR_UPSTREAM;
  }
  if (tiny_equals(model, "abuse-nulls")) {
    unsafe = first_unsafe_null_handling(api, exchange);
    if (unsafe != NULL) {
      api->set_error(call, tiny_str(unsafe));
      return GH_ERROR_INTERNAL;
    }
    return api->exchange_respond(exchange, 200, tiny_str("application/json"),
                                 tiny_str("{\"nulls\":\"survived\"}"));
  }
  if (api->exchange_wants_stream(exchange)) {
    return stream(api, call, exchange);
  }

  length = snprintf(
      body, sizeof body,
      "{\"provider\":\"%s\",\"model\":\"%.*s\",\"upstream_model\":\"%.*s\",\"request_id\":\"%.*s\","
      "\"endpoint\":%d,\"request_bytes\":%lu}",
      instance->name, (int)model.len, model.ptr ? model.ptr : "", (int)upstream.len,
      upstream.ptr ? upstream.ptr : "", (int)request_id.len, request_id.ptr ? request_id.ptr : "",
      (int)api->exchange_endpoint(exchange), (unsigned long)api->exchange_request_body(exchange).len);
  if (length < 0 || (size_t)length >= sizeof body) {
    api->set_error(call, tiny_str("response too long"));
    return GH_ERROR_INTERNAL;
  }
  status = api->exchange_respond(exchange, 200, tiny_str("application/json"), tiny_str(body));
  if (status != GH_OK) {
    api->set_error(call, tiny_str("host refused the response"));
    return status;
  }
  return report_usage(api, exchange);
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
    .abi_minor = GH_ABI_VERSION_MINOR,
    .struct_size = sizeof(gh_plugin_descriptor),
    .kind = GH_KIND_PROVIDER,
    .name = TINY_STR("good_provider"),
    .version = TINY_STR("1.0.0"),
    .init = init,
    .shutdown = provider_shutdown,
    .provider = &provider_table,
};

GH_PLUGIN_EXPORT const gh_plugin_descriptor* gatehouse_plugin_descriptor(void) {
  return &descriptor;
}
