/* A provider that talks to its upstream through the host (ABI 1.1), in plain C. What its
 * handle does depends on the model the client asked for:
 *   "relay"      POST the client body upstream (as two parts pointing into it), read the
 *                whole answer, respond with the upstream's status, content type and body
 *   "sse"        send, then forward each upstream event's data as a client event
 *   "raw"        send, then stream the upstream body chunk by chunk (exchange_stream_begin
 *                and _write), reusing one buffer with buffer_clear
 *   "leave-open" open two upstreams, respond, and return without closing either
 * A failed send or read returns its status with "send: <call_error>" or "read: <call_error>"
 * as the message. Every path closes what it opened, except "leave-open". */
#include "tiny_plugin.h"

typedef struct relay_state {
  const gh_host_api* api;
} relay_state;

static gh_status init(const gh_host_api* api, gh_host* host, gh_call* call, void** out_state) {
  relay_state* state = calloc(1, sizeof *state);
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
  *out_instance = plugin_state; /* no per-instance state */
  return GH_OK;
}

static void destroy(void* instance) {
  (void)instance;
}

/* Replaces the call's message (set by the host function that failed) with "<what>: <it>",
 * proving call_error reads it back. */
static gh_status explain(const gh_host_api* api, gh_call* call, const char* what, gh_status status) {
  char message[512];
  gh_str cause = api->call_error(call);
  int length =
      snprintf(message, sizeof message, "%s: %.*s", what, (int)cause.len, cause.ptr ? cause.ptr : "");
  if (length > 0) {
    api->set_error(call, tiny_str(message));
  }
  return status;
}

static gh_status send_request(const gh_host_api* api, gh_call* call, gh_exchange* exchange,
                              gh_upstream** out_upstream) {
  gh_str body = api->exchange_request_body(exchange);
  size_t half = body.len / 2;
  gh_header headers[2] = {{TINY_STR("Authorization"), TINY_STR("Bearer upstream-key")},
                          {TINY_STR("Content-Type"), TINY_STR("application/json")}};
  gh_str parts[2];
  gh_upstream_request request;
  parts[0].ptr = body.ptr;
  parts[0].len = half;
  parts[1].ptr = body.ptr + half;
  parts[1].len = body.len - half;
  memset(&request, 0, sizeof request);
  request.struct_size = sizeof request;
  request.method = tiny_str("POST");
  request.url = tiny_str("https://upstream.example/v1/relay");
  request.headers = headers;
  request.header_count = 2;
  request.body_parts = parts;
  request.body_part_count = 2;
  return api->upstream_send(exchange, call, &request, out_upstream);
}

static gh_status relay(const gh_host_api* api, gh_call* call, gh_exchange* exchange) {
  gh_upstream* upstream = NULL;
  gh_buffer* body;
  gh_str content_type;
  gh_status status = send_request(api, call, exchange, &upstream);
  if (status != GH_OK) {
    return explain(api, call, "send", status);
  }
  body = api->buffer_create(NULL);
  status = api->upstream_read_body(upstream, call, body);
  if (status == GH_OK) {
    content_type = api->upstream_header(upstream, tiny_str("content-type"));
    status = api->exchange_respond(exchange, api->upstream_status(upstream),
                                   content_type.len > 0 ? content_type : tiny_str("application/json"),
                                   api->buffer_view(body));
  } else {
    status = explain(api, call, "read", status);
  }
  api->buffer_destroy(body);
  api->upstream_close(upstream);
  return status;
}

static gh_status forward_events(const gh_host_api* api, gh_call* call, gh_exchange* exchange) {
  gh_upstream* upstream = NULL;
  gh_sse_event event;
  gh_status status = send_request(api, call, exchange, &upstream);
  if (status != GH_OK) {
    return explain(api, call, "send", status);
  }
  for (;;) {
    memset(&event, 0, sizeof event);
    event.struct_size = sizeof event;
    status = api->upstream_next_event(upstream, call, &event);
    if (status != GH_OK || event.end) {
      break;
    }
    status = api->exchange_stream_event(exchange, event.data);
    if (status != GH_OK) {
      break;
    }
  }
  api->upstream_close(upstream);
  return status;
}

static gh_status forward_raw(const gh_host_api* api, gh_call* call, gh_exchange* exchange) {
  gh_upstream* upstream = NULL;
  gh_buffer* chunk;
  gh_status status = send_request(api, call, exchange, &upstream);
  if (status != GH_OK) {
    return explain(api, call, "send", status);
  }
  status = api->exchange_stream_begin(exchange, api->upstream_status(upstream),
                                      api->upstream_header(upstream, tiny_str("Content-Type")));
  chunk = api->buffer_create(NULL);
  while (status == GH_OK) {
    api->buffer_clear(chunk);
    status = api->upstream_read_chunk(upstream, call, chunk);
    if (status != GH_OK || api->buffer_view(chunk).len == 0) {
      break;
    }
    status = api->exchange_stream_write(exchange, api->buffer_view(chunk));
  }
  api->buffer_destroy(chunk);
  api->upstream_close(upstream);
  return status;
}

static gh_status leave_open(const gh_host_api* api, gh_call* call, gh_exchange* exchange) {
  gh_upstream* first = NULL;
  gh_upstream* second = NULL;
  gh_status status = send_request(api, call, exchange, &first);
  if (status == GH_OK) {
    status = send_request(api, call, exchange, &second);
  }
  if (status != GH_OK) {
    return explain(api, call, "send", status);
  }
  return api->exchange_respond(exchange, 200, tiny_str("application/json"), tiny_str("{\"left\":\"open\"}"));
}

static gh_status handle(void* instance, gh_call* call, gh_exchange* exchange) {
  const gh_host_api* api = ((relay_state*)instance)->api;
  gh_str model = api->exchange_model(exchange);
  if (tiny_equals(model, "relay")) {
    return relay(api, call, exchange);
  }
  if (tiny_equals(model, "sse")) {
    return forward_events(api, call, exchange);
  }
  if (tiny_equals(model, "raw")) {
    return forward_raw(api, call, exchange);
  }
  if (tiny_equals(model, "leave-open")) {
    return leave_open(api, call, exchange);
  }
  api->set_error(call, tiny_str("unknown test model"));
  return GH_ERROR_NOT_FOUND;
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
    .abi_minor = 1, /* the first minor with upstream I/O */
    .struct_size = sizeof(gh_plugin_descriptor),
    .kind = GH_KIND_PROVIDER,
    .name = TINY_STR("upstream_provider"),
    .version = TINY_STR("1.0.0"),
    .init = init,
    .shutdown = plugin_shutdown,
    .provider = &provider_table,
};

GH_PLUGIN_EXPORT const gh_plugin_descriptor* gatehouse_plugin_descriptor(void) {
  return &descriptor;
}
