/* A plugin that makes its own HTTP calls through the host (ABI 1.2 http_send), as an OpenID
 * plugin fetches discovery documents and keys. It is an auth plugin only to have calls the
 * tests can drive:
 *   init                   with "init_url" in its config, GETs it and keeps the body (a
 *                          failure fails init with "init fetch: <call_error>")
 *   x-fetch-url: <url>     GET <url> with an Authorization header, read the body, close;
 *                          accepted as "fetched:<status>" with app = the init body and
 *                          scopes = the body. A failure: the plugin fails with its status and
 *                          "fetch: <call_error>".
 *   x-fetch-hold: <url>    GET <url> and keep the handle open after the call returns
 *   x-read-held: 1         read the held response's body, close it, accept as "held:<status>"
 *                          with scopes = the body */
#include "tiny_plugin.h"

typedef struct fetcher_state {
  const gh_host_api* api;
  gh_host* host;
  char init_body[256];
  gh_upstream* held;
} fetcher_state;

static _Thread_local char fetched_subject[32];
static _Thread_local char fetched_body[512];

static gh_status explain(const gh_host_api* api, gh_call* call, const char* what, gh_status status) {
  char message[512];
  gh_str cause = api->call_error(call);
  snprintf(message, sizeof message, "%s: %.*s", what, (int)cause.len, cause.ptr ? cause.ptr : "");
  api->set_error(call, tiny_str(message));
  return status;
}

static gh_status send_get(const fetcher_state* state, gh_call* call, gh_str url, gh_upstream** out) {
  gh_header headers[1] = {{TINY_STR("Authorization"), TINY_STR("Bearer plugin-secret-token")}};
  gh_upstream_request request;
  memset(&request, 0, sizeof request);
  request.struct_size = sizeof request;
  request.method = tiny_str("GET");
  request.url = url;
  request.headers = headers;
  request.header_count = 1;
  return state->api->http_send(state->host, call, &request, out);
}

/* Reads the whole body of `upstream` into `out` (truncated) and closes it. */
static gh_status read_and_close(const fetcher_state* state, gh_call* call, gh_upstream* upstream, char* out,
                                size_t capacity) {
  gh_buffer* body = state->api->buffer_create(state->host);
  gh_status status = state->api->upstream_read_body(upstream, call, body);
  if (status == GH_OK) {
    tiny_copy(state->api->buffer_view(body), out, capacity);
  }
  state->api->buffer_destroy(body);
  state->api->upstream_close(upstream);
  return status;
}

static gh_status init(const gh_host_api* api, gh_host* host, gh_call* call, void** out_state) {
  char url[256];
  gh_upstream* upstream = NULL;
  gh_status status;
  fetcher_state* state = calloc(1, sizeof *state);
  if (state == NULL) {
    api->set_error(call, tiny_str("out of memory"));
    return GH_ERROR_INTERNAL;
  }
  state->api = api;
  state->host = host;
  tiny_config_value(api->plugin_config(host), "init_url", url, sizeof url);
  if (url[0] != '\0') {
    status = send_get(state, call, tiny_str(url), &upstream);
    if (status == GH_OK) {
      status = read_and_close(state, call, upstream, state->init_body, sizeof state->init_body);
    }
    if (status != GH_OK) {
      free(state);
      return explain(api, call, "init fetch", status);
    }
  }
  *out_state = state;
  return GH_OK;
}

static void plugin_shutdown(void* plugin_state) {
  /* A held handle is deliberately left open: the host closes it when the plugin goes. */
  free(plugin_state);
}

static void accept_as(fetcher_state* state, const char* subject_prefix, int32_t http_status,
                      gh_auth_verdict* out_verdict, gh_principal* out_principal) {
  snprintf(fetched_subject, sizeof fetched_subject, "%s:%d", subject_prefix, (int)http_status);
  out_principal->subject = tiny_str(fetched_subject);
  out_principal->app = tiny_str(state->init_body);
  out_principal->scopes = tiny_str(fetched_body);
  *out_verdict = GH_AUTH_ACCEPTED;
}

static gh_status authenticate(void* plugin_state, gh_call* call, gh_request* request,
                              gh_auth_verdict* out_verdict, gh_principal* out_principal) {
  fetcher_state* state = plugin_state;
  const gh_host_api* api = state->api;
  gh_str url = api->request_header(request, tiny_str("x-fetch-url"));
  gh_str hold = api->request_header(request, tiny_str("x-fetch-hold"));
  gh_upstream* upstream = NULL;
  gh_status status;
  int32_t http_status;
  if (url.len > 0) {
    status = send_get(state, call, url, &upstream);
    if (status != GH_OK) {
      return explain(api, call, "fetch", status);
    }
    http_status = api->upstream_status(upstream);
    status = read_and_close(state, call, upstream, fetched_body, sizeof fetched_body);
    if (status != GH_OK) {
      return explain(api, call, "fetch", status);
    }
    accept_as(state, "fetched", http_status, out_verdict, out_principal);
    return GH_OK;
  }
  if (hold.len > 0) {
    status = send_get(state, call, hold, &state->held);
    if (status != GH_OK) {
      return explain(api, call, "hold", status);
    }
    *out_verdict = GH_AUTH_NOT_MINE;
    return GH_OK;
  }
  if (tiny_equals(api->request_header(request, tiny_str("x-read-held")), "1") && state->held != NULL) {
    upstream = state->held;
    state->held = NULL;
    http_status = api->upstream_status(upstream);
    status = read_and_close(state, call, upstream, fetched_body, sizeof fetched_body);
    if (status != GH_OK) {
      return explain(api, call, "read held", status);
    }
    accept_as(state, "held", http_status, out_verdict, out_principal);
    return GH_OK;
  }
  *out_verdict = GH_AUTH_NOT_MINE;
  return GH_OK;
}

static const gh_auth_vtable auth_table = {
    .struct_size = sizeof(gh_auth_vtable),
    .authenticate = authenticate,
};

static const gh_plugin_descriptor descriptor = {
    .magic = GH_PLUGIN_MAGIC,
    .abi_major = GH_ABI_VERSION_MAJOR,
    .abi_minor = 2, /* the first minor with http_send */
    .struct_size = sizeof(gh_plugin_descriptor),
    .kind = GH_KIND_AUTH,
    .name = TINY_STR("http_fetcher"),
    .version = TINY_STR("1.0.0"),
    .init = init,
    .shutdown = plugin_shutdown,
    .auth = &auth_table,
};

GH_PLUGIN_EXPORT const gh_plugin_descriptor* gatehouse_plugin_descriptor(void) {
  return &descriptor;
}
