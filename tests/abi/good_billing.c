/* A billing plugin with all three functions:
 *   admit  refuses subject "user:broke" with a reason naming its team
 *   price  charges 2 micro-USD per prompt token and 3 per completion token
 *   record appends "record <request_id> <model> <cost>" to the trace file, and fails
 *          for model "fail-record" */
#include "tiny_plugin.h"

typedef struct billing_state {
  const gh_host_api* api;
  char trace_file[512];
} billing_state;

static gh_status init(const gh_host_api* api, gh_host* host, gh_call* call, void** out_state) {
  billing_state* state = calloc(1, sizeof *state);
  if (state == NULL) {
    api->set_error(call, tiny_str("out of memory"));
    return GH_ERROR_INTERNAL;
  }
  state->api = api;
  tiny_trace_path(api->plugin_config(host), state->trace_file, sizeof state->trace_file);
  *out_state = state;
  return GH_OK;
}

static void billing_shutdown(void* state) {
  free(state);
}

static gh_status admit(void* plugin_state, gh_call* call, const gh_principal* principal, gh_str model,
                       int32_t* out_allowed) {
  const billing_state* state = plugin_state;
  char reason[256];
  char team[64];
  (void)model;
  if (tiny_equals(principal->subject, "user:broke")) {
    tiny_copy(principal->team, team, sizeof team);
    snprintf(reason, sizeof reason, "monthly budget of team %s is exhausted", team);
    state->api->set_error(call, tiny_str(reason));
    *out_allowed = 0;
  }
  return GH_OK;
}

static gh_status price(void* plugin_state, gh_call* call, const gh_usage_event* event, int64_t* out_cost) {
  (void)plugin_state;
  (void)call;
  *out_cost = event->usage.prompt_tokens * 2 + event->usage.completion_tokens * 3;
  return GH_OK;
}

static gh_status record(void* plugin_state, gh_call* call, const gh_usage_event* event, int64_t cost) {
  const billing_state* state = plugin_state;
  char line[512];
  char request_id[128];
  char model[128];
  if (tiny_equals(event->model, "fail-record")) {
    state->api->set_error(call, tiny_str("usage sink is down"));
    return GH_ERROR_UNAVAILABLE;
  }
  tiny_copy(event->request_id, request_id, sizeof request_id);
  tiny_copy(event->model, model, sizeof model);
  snprintf(line, sizeof line, "%s %s %lld", request_id, model, (long long)cost);
  tiny_trace(state->trace_file, "record", tiny_str(line));
  return GH_OK;
}

static const gh_billing_vtable billing_table = {
    .struct_size = sizeof(gh_billing_vtable),
    .admit = admit,
    .price = price,
    .record = record,
};

static const gh_plugin_descriptor descriptor = {
    .magic = GH_PLUGIN_MAGIC,
    .abi_major = GH_ABI_VERSION_MAJOR,
    .abi_minor = GH_ABI_VERSION_MINOR,
    .struct_size = sizeof(gh_plugin_descriptor),
    .kind = GH_KIND_BILLING,
    .name = TINY_STR("good_billing"),
    .version = TINY_STR("1.0.0"),
    .init = init,
    .shutdown = billing_shutdown,
    .billing = &billing_table,
};

GH_PLUGIN_EXPORT const gh_plugin_descriptor* gatehouse_plugin_descriptor(void) {
  return &descriptor;
}
