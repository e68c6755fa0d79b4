/* An ABI 1.2 auth plugin in plain C over the host's key and user directories, with browser
 * sign-in. authenticate looks at the request headers:
 *   x-api-key: <secret>    credential_find. No such key, a revoked or switched-off key, or
 *                          a disabled owner: denied alike; the directory down: the plugin
 *                          fails with its status. Otherwise accepted as the key's owner,
 *                          with its team, name (as app), id, scopes, role and limits.
 *   x-identity: <subject>  identity_resolve for issuer "https://idp.test" (x-teams: "a,b" sent
 *                          as "a\nb"; x-role: admin; x-service: 1). Permission denied: denied
 *                          with the host's message; another failure: the plugin fails with it.
 *                          Otherwise accepted as the resolved principal.
 *   anything else          not mine
 * login_start, by state:   "refuse": GH_ERROR_UNAVAILABLE; "no-location": GH_OK but nothing
 *                          written; "huge-flow": a 5000-byte flow; any other: location
 *                          "https://idp.test/authorize?state=<state>&redirect_uri=<uri>",
 *                          flow "verifier:<state>".
 * login_finish:            "error=..." in the query: UNAUTHENTICATED; a state that is not the
 *                          flow's: UNAUTHENTICATED; "code=<subject>": the identity of <subject>
 *                          at https://idp.test (admin when it starts with "admin"), teams
 *                          "team-a", "team b" (sent with an empty name between them), and
 *                          "code=no-subject" an identity without a subject. */
#include "tiny_plugin.h"

typedef struct directory_state {
  const gh_host_api* api;
  gh_host* host;
} directory_state;

/* What login_finish hands back must outlive the call (until the next one on the thread). */
static _Thread_local char finished_subject[128];
static _Thread_local char finished_email[160];

static gh_status init(const gh_host_api* api, gh_host* host, gh_call* call, void** out_state) {
  directory_state* state = calloc(1, sizeof *state);
  if (state == NULL) {
    api->set_error(call, tiny_str("out of memory"));
    return GH_ERROR_INTERNAL;
  }
  state->api = api;
  state->host = host;
  *out_state = state;
  return GH_OK;
}

static void plugin_shutdown(void* state) {
  free(state);
}

static gh_status by_key(const directory_state* state, gh_call* call, gh_str secret,
                        gh_auth_verdict* out_verdict, gh_principal* out_principal) {
  gh_credential credential;
  gh_status status;
  memset(&credential, 0, sizeof credential);
  credential.struct_size = sizeof credential;
  status = state->api->credential_find(state->host, call, secret, &credential);
  if (status == GH_ERROR_NOT_FOUND) {
    state->api->set_error(call, tiny_str("invalid API key"));
    *out_verdict = GH_AUTH_DENIED;
    return GH_OK;
  }
  if (status != GH_OK) {
    return status; /* the host's message stays on the call */
  }
  if (credential.revoked_at_ms != 0 || credential.owner_disabled || credential.disabled) {
    /* Worded as for an unknown key: a client must not tell the two apart. */
    state->api->set_error(call, tiny_str("invalid API key"));
    *out_verdict = GH_AUTH_DENIED;
    return GH_OK;
  }
  out_principal->role = credential.role;
  out_principal->subject = credential.owner;
  out_principal->team = credential.team;
  out_principal->app = credential.name;
  out_principal->key_id = credential.key_id;
  out_principal->scopes = credential.scopes;
  out_principal->requests_per_minute = credential.requests_per_minute;
  out_principal->tokens_per_minute = credential.tokens_per_minute;
  out_principal->monthly_budget_micro_usd = credential.monthly_budget_micro_usd;
  *out_verdict = GH_AUTH_ACCEPTED;
  return GH_OK;
}

static gh_status by_identity(const directory_state* state, gh_call* call, gh_request* request, gh_str subject,
                             gh_auth_verdict* out_verdict, gh_principal* out_principal) {
  const gh_host_api* api = state->api;
  char teams[256];
  size_t i;
  gh_identity identity;
  gh_status status;
  tiny_copy(api->request_header(request, tiny_str("x-teams")), teams, sizeof teams);
  for (i = 0; teams[i] != '\0'; ++i) {
    if (teams[i] == ',') {
      teams[i] = '\n';
    }
  }
  memset(&identity, 0, sizeof identity);
  identity.struct_size = sizeof identity;
  identity.role =
      tiny_equals(api->request_header(request, tiny_str("x-role")), "admin") ? GH_ROLE_ADMIN : GH_ROLE_MEMBER;
  identity.issuer = tiny_str("https://idp.test");
  identity.subject = subject;
  identity.email = api->request_header(request, tiny_str("x-email"));
  identity.name = api->request_header(request, tiny_str("x-name"));
  identity.teams = tiny_str(teams);
  identity.is_service = tiny_equals(api->request_header(request, tiny_str("x-service")), "1");
  status = api->identity_resolve(state->host, call, &identity, out_principal);
  if (status == GH_ERROR_PERMISSION_DENIED) {
    *out_verdict = GH_AUTH_DENIED; /* the host's message explains it */
    return GH_OK;
  }
  if (status != GH_OK) {
    return status;
  }
  *out_verdict = GH_AUTH_ACCEPTED;
  return GH_OK;
}

static gh_status authenticate(void* plugin_state, gh_call* call, gh_request* request,
                              gh_auth_verdict* out_verdict, gh_principal* out_principal) {
  const directory_state* state = plugin_state;
  gh_str key = state->api->request_header(request, tiny_str("x-api-key"));
  gh_str subject = state->api->request_header(request, tiny_str("x-identity"));
  if (key.len > 0) {
    return by_key(state, call, key, out_verdict, out_principal);
  }
  if (subject.len > 0) {
    return by_identity(state, call, request, subject, out_verdict, out_principal);
  }
  *out_verdict = GH_AUTH_NOT_MINE;
  return GH_OK;
}

static gh_status login_start(void* plugin_state, gh_call* call, gh_str state_value, gh_str redirect_uri,
                             gh_buffer* out_location, gh_buffer* out_flow) {
  const gh_host_api* api = ((const directory_state*)plugin_state)->api;
  if (tiny_equals(state_value, "refuse")) {
    api->set_error(call, tiny_str("identity provider unreachable"));
    return GH_ERROR_UNAVAILABLE;
  }
  if (tiny_equals(state_value, "no-location")) {
    return GH_OK;
  }
  api->buffer_append(out_location, tiny_str("https://idp.test/authorize?state="));
  api->buffer_append(out_location, state_value);
  api->buffer_append(out_location, tiny_str("&redirect_uri="));
  api->buffer_append(out_location, redirect_uri);
  if (tiny_equals(state_value, "huge-flow")) {
    static char huge[5000];
    gh_str flow = {huge, sizeof huge};
    memset(huge, 'f', sizeof huge);
    api->buffer_append(out_flow, flow);
    return GH_OK;
  }
  api->buffer_append(out_flow, tiny_str("verifier:"));
  api->buffer_append(out_flow, state_value);
  return GH_OK;
}

/* The value of `name` in a query string, as a view into it; empty when absent. */
static gh_str query_value(gh_str query, const char* name) {
  size_t name_length = strlen(name);
  size_t at = 0;
  gh_str value = {NULL, 0};
  while (at < query.len) {
    size_t end = at;
    while (end < query.len && query.ptr[end] != '&') {
      ++end;
    }
    if (end - at > name_length && memcmp(query.ptr + at, name, name_length) == 0 &&
        query.ptr[at + name_length] == '=') {
      value.ptr = query.ptr + at + name_length + 1;
      value.len = end - at - name_length - 1;
      return value;
    }
    at = end + 1;
  }
  return value;
}

static gh_status login_finish(void* plugin_state, gh_call* call, gh_str redirect_uri, gh_str callback_query,
                              gh_str flow, gh_identity* out_identity) {
  const gh_host_api* api = ((const directory_state*)plugin_state)->api;
  const char* prefix = "verifier:";
  size_t prefix_length = strlen(prefix);
  gh_str code = query_value(callback_query, "code");
  gh_str returned_state = query_value(callback_query, "state");
  (void)redirect_uri;
  if (query_value(callback_query, "error").len > 0) {
    api->set_error(call, tiny_str("the identity provider refused the sign-in"));
    return GH_ERROR_UNAUTHENTICATED;
  }
  if (flow.len < prefix_length || memcmp(flow.ptr, prefix, prefix_length) != 0 ||
      returned_state.len != flow.len - prefix_length ||
      memcmp(returned_state.ptr, flow.ptr + prefix_length, returned_state.len) != 0) {
    api->set_error(call, tiny_str("sign-in state does not match"));
    return GH_ERROR_UNAUTHENTICATED;
  }
  tiny_copy(code, finished_subject, sizeof finished_subject);
  if (strcmp(finished_subject, "no-subject") == 0) {
    finished_subject[0] = '\0';
  }
  snprintf(finished_email, sizeof finished_email, "%s@example.test", finished_subject);
  out_identity->role = strncmp(finished_subject, "admin", 5) == 0 ? GH_ROLE_ADMIN : GH_ROLE_MEMBER;
  out_identity->issuer = tiny_str("https://idp.test");
  out_identity->subject = tiny_str(finished_subject);
  out_identity->email = tiny_str(finished_email);
  out_identity->name = tiny_str("Test User");
  out_identity->teams = tiny_str("team-a\n\nteam b\n");
  out_identity->is_service = 0;
  return GH_OK;
}

static const gh_auth_vtable auth_table = {
    .struct_size = sizeof(gh_auth_vtable),
    .authenticate = authenticate,
    .login_start = login_start,
    .login_finish = login_finish,
};

static const gh_plugin_descriptor descriptor = {
    .magic = GH_PLUGIN_MAGIC,
    .abi_major = GH_ABI_VERSION_MAJOR,
    .abi_minor = 2, /* the first minor with credentials, identities and sign-in */
    .struct_size = sizeof(gh_plugin_descriptor),
    .kind = GH_KIND_AUTH,
    .name = TINY_STR("directory_auth"),
    .version = TINY_STR("1.0.0"),
    .init = init,
    .shutdown = plugin_shutdown,
    .auth = &auth_table,
};

GH_PLUGIN_EXPORT const gh_plugin_descriptor* gatehouse_plugin_descriptor(void) {
  return &descriptor;
}
