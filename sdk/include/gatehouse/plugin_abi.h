/*
 * Gatehouse plugin ABI, version 1.3 (1.0 plus upstream I/O, "ABI 1.1", plus credentials,
 * identities, host-level HTTP and browser sign-in, "ABI 1.2", plus the pooled provider
 * credential of an exchange, "ABI 1.3").
 *
 * This is the whole contract between the Gatehouse host (the gateway process) and a
 * plugin (a shared library). It is plain C so that any compiler, any C++ standard
 * library and any language with a C FFI can implement a plugin.
 *
 * Naming: `gh_*_vtable` members are implemented by the PLUGIN and called by the host;
 * `gh_host_api` members are implemented by the HOST and called by the plugin.
 *
 * Rules that hold for every declaration below unless it says otherwise:
 *  - Strings are `gh_str` views ({ptr, len}), UTF-8, not NUL-terminated. A view passed
 *    INTO a call is valid only until that call returns: copy what you keep.
 *  - Whoever allocates frees. The host never frees plugin memory and vice versa.
 *    Variable-size output from the host to the plugin goes into a `gh_buffer` the
 *    plugin passes in; output from the plugin to the host goes through host calls
 *    that copy their arguments before returning.
 *  - Calls that can fail return `gh_status`. On failure the callee explains why with
 *    `gh_host_api.set_error(call, ...)` on the `gh_call` it was given. No C++
 *    exception, longjmp or signal may cross the boundary.
 *  - Structs start with `struct_size` (set to sizeof as the writer was compiled).
 *    Structs and tables only ever grow at the end, and each growth bumps the minor
 *    version. A reader uses only the fields that fit in the given struct_size, so an
 *    older plugin in a newer host sees new fields as absent.
 *  - Thread safety: the host may call a plugin's vtable functions from many threads at
 *    once, for different calls. `init`/`shutdown` and `*_create`/`*_destroy` are never
 *    concurrent with other calls on the same state or instance.
 */
#ifndef GATEHOUSE_PLUGIN_ABI_H
#define GATEHOUSE_PLUGIN_ABI_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------------------ */
/* Versioning and the handshake                                                          */
/* ------------------------------------------------------------------------------------ */

/* First field of every descriptor: "GATEHSE1" read as a little-endian integer. The host
 * refuses a library whose descriptor does not start with it. */
#define GH_PLUGIN_MAGIC UINT64_C(0x3145534845544147)

/* A different major means an incompatible ABI: the host refuses the plugin. */
#define GH_ABI_VERSION_MAJOR 1
/* A plugin built against a newer minor than the host knows is refused (it may rely on
 * host functions that do not exist). An older minor is accepted. */
#define GH_ABI_VERSION_MINOR 3

/* The single exported symbol every plugin defines (GATEHOUSE_PROVIDER_PLUGIN,
 * GATEHOUSE_AUTH_PLUGIN or GATEHOUSE_BILLING_PLUGIN in plugin.hpp define it, or write it
 * by hand in C). Its name never changes between ABI versions, so a host can always read
 * the version and explain a mismatch. */
#define GH_PLUGIN_ENTRY_SYMBOL "gatehouse_plugin_descriptor"

#if defined(_WIN32)
#define GH_PLUGIN_EXPORT __declspec(dllexport)
#else
#define GH_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

/* ------------------------------------------------------------------------------------ */
/* Basic types                                                                           */
/* ------------------------------------------------------------------------------------ */

/* A borrowed UTF-8 string view. `ptr` may be NULL only when `len` is 0. */
typedef struct gh_str {
  const char* ptr;
  size_t len;
} gh_str;

/* Result of every call that can fail. Values are stable across versions. The host
 * maps them to HTTP statuses when they end a client request (shown in brackets). */
typedef int32_t gh_status;
#define GH_OK 0
#define GH_ERROR_INVALID_ARGUMENT 1  /* the client's request is wrong         [400] */
#define GH_ERROR_NOT_FOUND 2         /* model, route or object does not exist  [404] */
#define GH_ERROR_UNAUTHENTICATED 3   /* no or bad credentials                  [401] */
#define GH_ERROR_PERMISSION_DENIED 4 /* credentials fine, not allowed          [403] */
#define GH_ERROR_RESOURCE_EXHAUSTED 5 /* rate limit, quota or budget           [429] */
#define GH_ERROR_UNAVAILABLE 6       /* temporarily unable; retry later        [503] */
#define GH_ERROR_UNSUPPORTED 7       /* valid request this plugin cannot serve [400] */
#define GH_ERROR_CANCELLED 8         /* the client went away; stop working          */
#define GH_ERROR_INTERNAL 9          /* a bug or broken invariant              [500] */
#define GH_ERROR_UPSTREAM 10         /* the upstream provider failed           [502] */
#define GH_ERROR_CONFIG 11           /* the plugin's configuration is invalid       */
/* Since 1.1: */
#define GH_ERROR_UPSTREAM_TIMEOUT 12 /* the upstream did not answer in time    [504] */

/* What a plugin is for. One library holds exactly one plugin of one kind. */
typedef int32_t gh_plugin_kind;
#define GH_KIND_PROVIDER 1 /* serves model requests (gh_provider_vtable)        */
#define GH_KIND_AUTH 2     /* turns credentials into a principal (gh_auth_vtable) */
#define GH_KIND_BILLING 3  /* prices usage and admits requests (gh_billing_vtable) */

typedef int32_t gh_log_level;
#define GH_LOG_DEBUG 0
#define GH_LOG_INFO 1
#define GH_LOG_WARN 2
#define GH_LOG_ERROR 3

/* ------------------------------------------------------------------------------------ */
/* Opaque host handles. All are owned by the host; a plugin never frees one and never  */
/* uses one after the call it was given in has returned, unless stated otherwise.       */
/* ------------------------------------------------------------------------------------ */

/* The host side of one loaded plugin: valid from init until shutdown returns. May be
 * kept by the plugin for that whole time (for logging, secrets). */
typedef struct gh_host gh_host;
/* One call into the plugin; carries the error message set with set_error. */
typedef struct gh_call gh_call;
/* A growable byte buffer; the plugin appends with buffer_append. The host owns one it
 * hands over; one from buffer_create is the plugin's until buffer_destroy. */
typedef struct gh_buffer gh_buffer;
/* One client request being served by a provider instance. */
typedef struct gh_exchange gh_exchange;
/* A client's HTTP request as seen by an auth or billing plugin (read-only). */
typedef struct gh_request gh_request;
/* Since 1.1: one HTTP request a provider plugin sent upstream through the host, and its
 * response. Valid from upstream_send until upstream_close, or until the handle call it
 * was opened in returns (the host closes whatever is still open then). */
typedef struct gh_upstream gh_upstream;

/* ------------------------------------------------------------------------------------ */
/* Data passed between host and plugins                                                 */
/* ------------------------------------------------------------------------------------ */

/* Which OpenAI-format endpoint a request came in on. */
typedef int32_t gh_endpoint;
#define GH_ENDPOINT_CHAT_COMPLETIONS 1 /* POST /v1/chat/completions */
#define GH_ENDPOINT_EMBEDDINGS 2       /* POST /v1/embeddings */
#define GH_ENDPOINT_IMAGES 3           /* POST /v1/images/generations */
#define GH_ENDPOINT_AUDIO_SPEECH 4     /* POST /v1/audio/speech */
#define GH_ENDPOINT_AUDIO_TRANSCRIPTION 5 /* POST /v1/audio/transcriptions (multipart/form-data) */
/* Since 1.1. The host asks for the upstream's own model list (GET /v1/models, for a
 * provider configured with "list_upstream_models"). The plugin answers with an
 * OpenAI-shaped list: {"object":"list","data":[{"id":"...","object":"model",...}]}. */
#define GH_ENDPOINT_MODELS 6

/* Image quality as the client asked for it (gh_usage.image_quality). */
#define GH_IMAGE_QUALITY_UNKNOWN 0
#define GH_IMAGE_QUALITY_LOW 1      /* "low", or "standard" for dall-e-3 */
#define GH_IMAGE_QUALITY_MEDIUM 2
#define GH_IMAGE_QUALITY_HIGH 3     /* "high", or "hd" for dall-e-3 */

/* What one request consumed. Counts not known are 0. */
typedef struct gh_usage {
  uint32_t struct_size;
  uint32_t reserved; /* 0 */
  int64_t prompt_tokens;
  int64_t completion_tokens;
  int64_t cached_prompt_tokens;   /* part of prompt_tokens served from a cache */
  int64_t reasoning_tokens;       /* part of completion_tokens spent thinking */
  int64_t images;                 /* images generated */
  int64_t audio_milliseconds;     /* audio transcribed */
  int64_t characters;             /* characters synthesised to speech */
  /* Since 1.1 (absent from a 1.0 plugin's smaller struct, read as 0): */
  int32_t image_width;            /* pixels, of each generated image */
  int32_t image_height;
  int32_t image_quality;          /* GH_IMAGE_QUALITY_* */
  int32_t reserved2;              /* 0 */
} gh_usage;

/* Who is calling, as an auth plugin established it. */
typedef int32_t gh_role;
#define GH_ROLE_MEMBER 1
#define GH_ROLE_ADMIN 2

typedef struct gh_principal {
  uint32_t struct_size;
  gh_role role;
  gh_str subject;  /* stable user id, e.g. "user:42" or the OIDC subject */
  gh_str team;     /* team id or empty */
  gh_str app;      /* application / key name or empty */
  gh_str key_id;   /* credential id (never the secret itself) or empty */
  gh_str scopes;   /* space-separated scope list, e.g. "model:gpt-4o* endpoint:chat" */
  /* Since 1.2 (absent from a 1.0/1.1 plugin's smaller struct, read as 0). The host
   * enforces them per principal (key_id, else subject); 0 means no limit. */
  int64_t requests_per_minute;
  int64_t tokens_per_minute;       /* prompt plus completion tokens */
  int64_t monthly_budget_micro_usd; /* millionths of a US dollar per calendar month (UTC) */
} gh_principal;

/* One finished request, for pricing and accounting. */
typedef struct gh_usage_event {
  uint32_t struct_size;
  int32_t http_status;
  gh_str request_id;
  gh_str subject;
  gh_str team;
  gh_str app;
  gh_str key_id;
  gh_str provider;        /* configured provider name */
  gh_str model;           /* public model name the client asked for */
  gh_str upstream_model;  /* model name sent upstream */
  gh_endpoint endpoint;
  int32_t streamed;       /* 1 when served as a stream */
  int64_t started_at_ms;  /* unix epoch milliseconds */
  int64_t duration_ms;
  gh_usage usage;
} gh_usage_event;

/* --- ABI 1.1: upstream I/O ----------------------------------------------------------- */

/* One HTTP header. */
typedef struct gh_header {
  gh_str name;
  gh_str value;
} gh_header;

/* An HTTP request a provider plugin asks the host to send to its upstream. Every view
 * needs to stay valid only until upstream_send returns. */
typedef struct gh_upstream_request {
  uint32_t struct_size;
  uint32_t reserved;        /* 0 */
  gh_str method;            /* "POST", "GET", ... */
  gh_str url;               /* absolute: "https://host[:port]/path[?query]" or "http://..." */
  /* Sent as given, in order. The host adds Host, Content-Length and Connection (a plugin
   * must not set them) and Accept-Encoding: identity unless the plugin sets one. */
  const gh_header* headers;
  size_t header_count;
  /* The body, sent as these parts one after another (scatter-gather), so a plugin can
   * forward most of a large client body by pointing into exchange_request_body instead
   * of copying it. No parts: no body. */
  const gh_str* body_parts;
  size_t body_part_count;
} gh_upstream_request;

/* One Server-Sent Event read from an upstream response (WHATWG rules: "data" lines are
 * joined with "\n", comments and "retry" are skipped, CR, LF and CRLF all end a line). Views
 * are valid until the next read on the same upstream. */
typedef struct gh_sse_event {
  uint32_t struct_size;     /* set by the plugin before the call */
  int32_t end;              /* 1: the body ended cleanly, no event was read */
  gh_str event;             /* the "event:" field; empty when none was sent */
  gh_str data;              /* the "data:" lines */
  gh_str id;                /* the "id:" field; empty when none was sent */
} gh_sse_event;

/* --- ABI 1.2: credentials, identities, browser sign-in ------------------------------ */

/* An API key as the host's key directory holds it: never the secret itself. Filled by
 * credential_find; every view is valid until the next credential_find on the same thread
 * or until the plugin call it was made in returns, whichever comes first. */
typedef struct gh_credential {
  uint32_t struct_size;           /* set by the PLUGIN before the call (sizeof as it knows it) */
  gh_role role;                   /* the key's role */
  gh_str key_id;                  /* the key's id (safe to log and to put in a principal) */
  gh_str owner;                   /* the owning user's id */
  gh_str team;                    /* the team's id, or empty */
  gh_str name;                    /* the application name given at creation */
  gh_str scopes;                  /* space-separated, e.g. "model:gpt-4o* endpoint:chat" */
  int64_t expires_at_ms;          /* unix epoch ms; 0: never */
  int64_t revoked_at_ms;          /* unix epoch ms; 0: not revoked */
  int64_t requests_per_minute;    /* 0: no limit */
  int64_t tokens_per_minute;      /* 0: no limit */
  int64_t monthly_budget_micro_usd; /* 0: no budget */
  int32_t owner_disabled;         /* 1: the owning user is disabled */
  int32_t disabled;               /* 1: the key is switched off (it can be switched on again) */
} gh_credential;

/* A person or service as an identity provider asserted it (e.g. from a validated OpenID
 * Connect ID token or access token), after the plugin applied its claim mappings. */
typedef struct gh_identity {
  uint32_t struct_size;           /* set by the writer */
  gh_role role;                   /* GH_ROLE_MEMBER or GH_ROLE_ADMIN, from the claim mapping */
  gh_str issuer;                  /* e.g. "https://login.example.com" */
  gh_str subject;                 /* the issuer's stable id for them ("sub") */
  gh_str email;                   /* may be empty */
  gh_str name;                    /* display name; may be empty */
  /* Team names, separated by "\n" (names may contain spaces); empty: none. The first is the
   * principal's team. */
  gh_str teams;
  /* 1: a service (e.g. a client-credentials token), not a person; kept on the user record. */
  int32_t is_service;
  int32_t reserved;               /* 0 */
} gh_identity;

/* ------------------------------------------------------------------------------------ */
/* Host API: implemented by the host, handed to the plugin's init                       */
/* ------------------------------------------------------------------------------------ */

typedef struct gh_host_api {
  uint32_t struct_size;
  uint16_t abi_major; /* the host's GH_ABI_VERSION_MAJOR */
  uint16_t abi_minor; /* the host's GH_ABI_VERSION_MINOR */

  /* --- diagnostics ------------------------------------------------------------- */

  /* Writes one log line attributed to this plugin. Never put secrets in `message`.
   * Thread-safe. `host` may be NULL before init has been called (then logs as "?"). */
  void (*log)(gh_host* host, gh_log_level level, gh_str message);
  /* 1 when a message at `level` would be written, so a plugin can skip formatting. */
  int32_t (*log_enabled)(gh_host* host, gh_log_level level);
  /* Records why the current call failed. The host copies `message`; the last call
   * wins. The message may reach a client: say what is wrong, never include secrets. */
  void (*set_error)(gh_call* call, gh_str message);

  /* --- configuration ----------------------------------------------------------- */

  /* The plugin's own config block (the JSON object under plugins[].config), valid
   * from init until shutdown returns. "{}" when none was given. */
  gh_str (*plugin_config)(gh_host* host);
  /* The name the plugin was loaded under (plugins[].name), valid until shutdown. */
  gh_str (*plugin_name)(gh_host* host);
  /* Resolves a secret reference to its value, appending it to `out` (a buffer from
   * buffer_create, or one the host handed over):
   *   "env:NAME"   the environment variable NAME (must be set and non-empty; NAME is
   *                letters, digits and '_', not starting with a digit)
   *   "file:PATH"  the contents of PATH (at most 64 KiB) with a single trailing "\n"
   *                or "\r\n" removed
   * Returns GH_ERROR_NOT_FOUND when it cannot be resolved, GH_ERROR_INVALID_ARGUMENT for
   * another form or an oversized file. On failure the message given to set_error (it
   * names the reference, never a value) also replaces the contents of `out`, so a
   * caller can report it. The value is a secret: never log it or put it into an error
   * (buffer_destroy overwrites a buffer's bytes before freeing them). */
  gh_status (*resolve_secret)(gh_host* host, gh_call* call, gh_str reference, gh_buffer* out);

  /* --- buffers ----------------------------------------------------------------- */

  /* Appends `data` to `buffer` (copying it). */
  void (*buffer_append)(gh_buffer* buffer, gh_str data);
  /* The buffer's current contents, valid until the next append, until the call that
   * handed the buffer over returns, or (buffer_create) until buffer_destroy. */
  gh_str (*buffer_view)(gh_buffer* buffer);

  /* --- exchanges (provider plugins; valid only during gh_provider_vtable.handle) --- */

  /* The endpoint the request came in on (GH_ENDPOINT_*). */
  gh_endpoint (*exchange_endpoint)(gh_exchange* exchange);
  /* The client's request body, unchanged (JSON for chat, embeddings, images). */
  gh_str (*exchange_request_body)(gh_exchange* exchange);
  /* The public model name the client asked for. */
  gh_str (*exchange_model)(gh_exchange* exchange);
  /* The model name configured for the upstream (models[].upstream_model). */
  gh_str (*exchange_upstream_model)(gh_exchange* exchange);
  /* 1 when the client asked for a stream ("stream": true). */
  int32_t (*exchange_wants_stream)(gh_exchange* exchange);
  /* The request id the host assigned (also sent to the client as x-request-id). */
  gh_str (*exchange_request_id)(gh_exchange* exchange);
  /* Sends a complete, non-streamed response. `body` is copied. Call at most once, and
   * not after exchange_stream_event. Returns GH_ERROR_INVALID_ARGUMENT if a response
   * was already started. */
  gh_status (*exchange_respond)(gh_exchange* exchange, int32_t http_status, gh_str content_type,
                                gh_str body);
  /* Sends one Server-Sent Event whose data is `data` (one JSON chunk, no "data: "
   * prefix, no trailing blank line: the host frames it) and flushes it to the client.
   * The first call starts a 200 text/event-stream response. After handle returns GH_OK
   * the host ends a chat completions stream with "data: [DONE]" (OpenAI's other event
   * streams, e.g. transcriptions, have no such marker: forward the upstream's last event);
   * after a failure it sends an error event instead. Returns GH_ERROR_CANCELLED when
   * the client has gone away: stop producing and return from handle. */
  gh_status (*exchange_stream_event)(gh_exchange* exchange, gh_str data);
  /* Reports what the request consumed. May be called more than once; the last report
   * counts. The struct is copied. */
  gh_status (*exchange_report_usage)(gh_exchange* exchange, const gh_usage* usage);

  /* --- requests (auth and billing plugins; valid only during the call given) ------ */

  /* A request header by case-insensitive name; empty view when absent. */
  gh_str (*request_header)(gh_request* request, gh_str name);
  /* "GET", "POST", ... */
  gh_str (*request_method)(gh_request* request);
  /* The path without the query string, e.g. "/v1/chat/completions". */
  gh_str (*request_path)(gh_request* request);
  /* The client's address as the server saw it, e.g. "127.0.0.1". */
  gh_str (*request_client_address)(gh_request* request);

  /* --- plugin-owned buffers (e.g. for resolve_secret) ----------------------------- */

  /* A new, empty buffer owned by the PLUGIN until it passes it to buffer_destroy; it
   * works with buffer_append, buffer_view and resolve_secret and may be used from any
   * call on any thread (one thread at a time). Never NULL except when memory runs out.
   * `host` may be NULL. */
  gh_buffer* (*buffer_create)(gh_host* host);
  /* Overwrites the buffer's bytes with zeros (it may hold a secret) and frees it; it
   * must not be used afterwards. NULL is a no-op. Only for buffers from buffer_create:
   * never pass one the host handed over. */
  void (*buffer_destroy)(gh_buffer* buffer);

  /* ==== Since 1.1 ==================================================================== */
  /* A plugin built against 1.1 is refused by a 1.0 host, so it may call these freely.  */

  /* --- more of the client's request (valid only during gh_provider_vtable.handle) --- */

  /* A request header by case-insensitive name; empty view when absent. The client's
   * credentials (Authorization, x-api-key, ...) are never visible: they read as absent. */
  gh_str (*exchange_request_header)(gh_exchange* exchange, gh_str name);
  /* For a multipart/form-data request (GH_ENDPOINT_AUDIO_TRANSCRIPTION): the value of the
   * first part named `name` (for a file part, its content). The view points INTO
   * exchange_request_body, so a plugin can forward the body around it without copying.
   * Empty view when absent or when the body is not multipart. */
  gh_str (*exchange_form_field)(gh_exchange* exchange, gh_str name);

  /* --- raw streamed responses (e.g. audio) ------------------------------------------ */

  /* Starts a streamed response with any status and content type (chunked transfer),
   * for bodies that are not Server-Sent Events. Then send the body with
   * exchange_stream_write. Not combinable with exchange_respond or exchange_stream_event
   * (GH_ERROR_INVALID_ARGUMENT). GH_ERROR_CANCELLED when the client is gone. */
  gh_status (*exchange_stream_begin)(gh_exchange* exchange, int32_t http_status, gh_str content_type);
  /* Sends `data` (copied) and flushes it. The host ends the body when handle returns
   * GH_OK; after a failure it cuts the connection so the client sees an incomplete body.
   * GH_ERROR_CANCELLED when the client is gone: stop and return from handle. */
  gh_status (*exchange_stream_write)(gh_exchange* exchange, gh_str data);

  /* --- upstream I/O ----------------------------------------------------------------- */
  /* The host owns sockets, TLS (verified against the system CA bundle or the provider's
   * ca_file), keep-alive pooling, the proxy and the timeouts of providers[].upstream; a
   * plugin never opens a socket itself. A plugin may hold several upstreams at once. */

  /* Sends `request` and waits for the response's status line and headers (the connect
   * and first-byte timeouts apply). GH_OK with *out_upstream set whatever the HTTP
   * status; the body is then read with exactly one of upstream_read_body (all of it),
   * upstream_next_event (Server-Sent Events) or upstream_read_chunk (raw bytes).
   * Fails with GH_ERROR_UPSTREAM (unreachable, refused, TLS or protocol failure) [502],
   * GH_ERROR_UPSTREAM_TIMEOUT [504], GH_ERROR_UNAVAILABLE when the provider's connection
   * pool stayed full [503], GH_ERROR_CANCELLED when the client went away, or
   * GH_ERROR_INVALID_ARGUMENT for a malformed request (e.g. a relative URL). The message
   * names the upstream host, never a credential or the query string. */
  gh_status (*upstream_send)(gh_exchange* exchange, gh_call* call, const gh_upstream_request* request,
                             gh_upstream** out_upstream);
  /* The response's HTTP status, e.g. 200 or 429. */
  int32_t (*upstream_status)(gh_upstream* upstream);
  /* A response header by case-insensitive name (the first one); empty view when absent.
   * Valid until upstream_close. */
  gh_str (*upstream_header)(gh_upstream* upstream, gh_str name);
  /* Appends the whole (rest of the) body to `out`, decoded from chunked transfer.
   * Bodies over the provider's max_response_bytes fail with GH_ERROR_UPSTREAM; the idle
   * and total timeouts apply (GH_ERROR_UPSTREAM_TIMEOUT). */
  gh_status (*upstream_read_body)(gh_upstream* upstream, gh_call* call, gh_buffer* out);
  /* Reads the next Server-Sent Event into *out_event (whose struct_size the plugin sets).
   * At the clean end of the body: GH_OK with out_event->end = 1. A body cut off before
   * its end fails with GH_ERROR_UPSTREAM; the idle and total timeouts apply. */
  gh_status (*upstream_next_event)(gh_upstream* upstream, gh_call* call, gh_sse_event* out_event);
  /* Appends the next bytes of the body that are available (at most 64 KiB) to `out`;
   * appends nothing only at the clean end of the body. Errors as upstream_next_event. */
  gh_status (*upstream_read_chunk)(gh_upstream* upstream, gh_call* call, gh_buffer* out);
  /* Ends the upstream exchange: a fully read response returns its connection to the
   * pool, anything else closes it at once (so an abandoned stream stops upstream
   * promptly). NULL is a no-op; the handle must not be used afterwards. */
  void (*upstream_close)(gh_upstream* upstream);

  /* --- diagnostics ------------------------------------------------------------------ */

  /* The message last set on `call` with set_error, by the plugin or by a host function
   * that failed on that call (e.g. upstream_send), so a plugin can report it; empty when
   * none. Valid until the next set_error on the call or until the call returns. */
  gh_str (*call_error)(gh_call* call);

  /* --- buffers ---------------------------------------------------------------------- */

  /* Empties `buffer` (overwriting its bytes with zeros), keeping its memory for reuse,
   * so a plugin reading a long body chunk by chunk does not allocate per chunk. */
  void (*buffer_clear)(gh_buffer* buffer);

  /* ==== Since 1.2 ==================================================================== */

  /* --- the key directory (auth plugins) --------------------------------------------- */

  /* Looks up an API key by the secret the client presented. The host hashes the secret
   * (the store keeps only hashes), finds the key in its in-memory directory (a copy of the
   * store refreshed every auth.key_refresh_ms, so a lookup never waits on the database)
   * and compares the hashes in constant time. GH_OK with *out filled (the plugin still
   * decides what a revoked, expired or disabled key means); GH_ERROR_NOT_FOUND when no
   * key matches; GH_ERROR_UNAVAILABLE when the directory has not loaded yet. Never logs
   * the secret. */
  gh_status (*credential_find)(gh_host* host, gh_call* call, gh_str secret, gh_credential* out);

  /* --- identities (auth plugins) ----------------------------------------------------- */

  /* Maps an identity to the principal of the user it belongs to, creating the user on
   * first sight and their team memberships (teams are created when missing), and
   * updating role, email and name when they changed. Cached by the host: only a new or
   * changed identity costs a store write. Fills *out_principal (subject = user id, team =
   * first team's id, role); the views are valid until the next identity_resolve on the
   * same thread or until the plugin call returns. GH_ERROR_PERMISSION_DENIED when an
   * administrator disabled that user; GH_ERROR_UNAVAILABLE when the store is down. */
  gh_status (*identity_resolve)(gh_host* host, gh_call* call, const gh_identity* identity,
                                gh_principal* out_principal);

  /* --- host-level HTTP (any plugin; e.g. OpenID discovery and JWKS) ------------------ */

  /* Sends `request` outside of any client exchange, through the plugin's own upstream
   * client (plugins[].upstream settings over the top-level "upstream" block: TLS
   * verification, ca_file, proxy, timeouts). Same results and semantics as upstream_send,
   * and the returned handle works with every upstream_* call, but the PLUGIN must close it
   * with upstream_close (the host closes nothing for it). May be called from any plugin
   * call, including init, on any thread. */
  gh_status (*http_send)(gh_host* host, gh_call* call, const gh_upstream_request* request,
                         gh_upstream** out_upstream);

  /* ==== Since 1.3 ==================================================================== */

  /* --- provider credentials (valid only during gh_provider_vtable.handle) ------------ */

  /* The provider credential (e.g. an API key) the host chose for this exchange from the
   * provider's credential pool (providers[].credentials), or an empty view when the
   * provider has no pool: then use the key from the instance's own config. The host
   * spreads exchanges over the pool by weight and rests a credential the upstream refused
   * (429, 401, 403) for a while; it learns of refusals from the responses to upstream_send,
   * so send the credential only on requests made through this exchange. When the upstream
   * refuses it, upstream_send itself sends the request again with another credential of the
   * pool, replacing the refused value wherever it appears verbatim in the header values and
   * the URL, and returns only the last response; from then on this call returns the new
   * credential (otherwise every call on one exchange returns the same value). So put the
   * credential into the request as it is (a header or a query parameter), and ask for it
   * again before each send. A secret: never log it or put it into an error (the host masks
   * it in error messages and logs as a last line of defence). */
  gh_str (*exchange_credential)(gh_exchange* exchange);
} gh_host_api;

/* ------------------------------------------------------------------------------------ */
/* Plugin vtables: implemented by the plugin                                            */
/* ------------------------------------------------------------------------------------ */

/* A provider serves model requests. One plugin can back several configured providers
 * (e.g. the openai plugin for OpenAI, Groq and a local vLLM), each an instance. */
typedef struct gh_provider_vtable {
  uint32_t struct_size;
  uint32_t reserved; /* 0 */
  /* Creates one provider instance from its config block (providers[].config, "{}" when
   * absent). On failure returns non-OK with set_error; *out_instance is then ignored.
   * Required. */
  gh_status (*create)(void* plugin_state, gh_call* call, gh_str provider_name, gh_str config_json,
                      void** out_instance);
  /* Destroys an instance made by create. Required. */
  void (*destroy)(void* instance);
  /* Serves one request: reads it through the exchange_* host calls, talks to the
   * upstream through upstream_* (1.1), and answers through exchange_respond,
   * exchange_stream_event or exchange_stream_begin/_write, reporting usage. An endpoint
   * the plugin does not serve fails with GH_ERROR_UNSUPPORTED. On failure returns
   * non-OK with set_error; if nothing was sent yet the host answers the client with an
   * OpenAI-shaped error built from the status and message. Required. */
  gh_status (*handle)(void* instance, gh_call* call, gh_exchange* exchange);
} gh_provider_vtable;

/* What an auth plugin decided about a request. */
typedef int32_t gh_auth_verdict;
#define GH_AUTH_NOT_MINE 0 /* no credentials this plugin understands: ask the next one */
#define GH_AUTH_ACCEPTED 1 /* *out_principal filled in */
#define GH_AUTH_DENIED 2   /* credentials this plugin owns, but they are not valid */

typedef struct gh_auth_vtable {
  uint32_t struct_size;
  uint32_t reserved; /* 0 */
  /* Decides who sent `request`. On ACCEPTED the plugin fills *out_principal; its
   * views must stay valid until this plugin is next called on the same thread (the
   * host copies them as soon as this call returns). On DENIED, set_error says why in
   * words fit for the client. Returns non-OK only when the plugin itself failed
   * (e.g. its store is unreachable); the host then answers 503. Required. */
  gh_status (*authenticate)(void* plugin_state, gh_call* call, gh_request* request,
                            gh_auth_verdict* out_verdict, gh_principal* out_principal);

  /* ---- Since 1.2: browser sign-in (optional: NULL when the plugin offers none) -------- */
  /* The host serves GET /auth/login, GET /auth/callback and POST /auth/logout, keeps the
   * pending sign-in server-side (in the store, so any node can finish it), binds it to the
   * browser with a cookie, and creates the session. The plugin speaks the protocol. */

  /* Starts a sign-in. `state` is a fresh random value from the host that must come back on
   * the callback (e.g. OAuth's state parameter); `redirect_uri` is where the browser must
   * return. Appends the URL to send the browser to to `out_location`, and to `out_flow`
   * whatever the plugin needs to finish (e.g. nonce and PKCE verifier; at most 4 KiB; the
   * host stores it, never shows it to the browser). Both must be set together. */
  gh_status (*login_start)(void* plugin_state, gh_call* call, gh_str state, gh_str redirect_uri,
                           gh_buffer* out_location, gh_buffer* out_flow);
  /* Finishes a sign-in. `callback_query` is the raw query string the browser came back
   * with (the host has already matched its state to this flow); `flow` is what
   * login_start wrote. On GH_OK fills *out_identity (views valid until this plugin is next
   * called on the same thread); the host then resolves it as identity_resolve does.
   * GH_ERROR_UNAUTHENTICATED (with set_error saying why, fit for the user) when the
   * provider refused or the tokens are not valid. */
  gh_status (*login_finish)(void* plugin_state, gh_call* call, gh_str redirect_uri, gh_str callback_query,
                            gh_str flow, gh_identity* out_identity);
} gh_auth_vtable;

typedef struct gh_billing_vtable {
  uint32_t struct_size;
  uint32_t reserved; /* 0 */
  /* May refuse a request before it is routed (budgets, quotas): set *out_allowed to 0
   * and set_error with the reason. Optional (NULL: always allowed). */
  gh_status (*admit)(void* plugin_state, gh_call* call, const gh_principal* principal, gh_str model,
                     int32_t* out_allowed);
  /* Estimates the cost of a finished request in millionths of a US dollar. Optional. */
  gh_status (*price)(void* plugin_state, gh_call* call, const gh_usage_event* event,
                     int64_t* out_cost_micro_usd);
  /* Receives each finished request's usage event with its price. Called from a
   * background thread, never on the request path. Optional. */
  gh_status (*record)(void* plugin_state, gh_call* call, const gh_usage_event* event,
                      int64_t cost_micro_usd);
} gh_billing_vtable;

/* ------------------------------------------------------------------------------------ */
/* The descriptor                                                                       */
/* ------------------------------------------------------------------------------------ */

typedef struct gh_plugin_descriptor {
  uint64_t magic;      /* GH_PLUGIN_MAGIC */
  uint16_t abi_major;  /* GH_ABI_VERSION_MAJOR the plugin was built with */
  uint16_t abi_minor;  /* GH_ABI_VERSION_MINOR the plugin was built with */
  uint32_t struct_size; /* sizeof(gh_plugin_descriptor) the plugin was built with */
  gh_plugin_kind kind;
  uint32_t reserved;   /* 0 */
  gh_str name;         /* the plugin's type name, e.g. "openai"; static storage */
  gh_str version;      /* the plugin's own version, e.g. "1.2.0"; static storage */
  /* Called once after the handshake. `api` and `host` stay valid until shutdown
   * returns. *out_state is passed to every later call. On failure: non-OK with
   * set_error; shutdown is then not called. Required. */
  gh_status (*init)(const gh_host_api* api, gh_host* host, gh_call* call, void** out_state);
  /* Called once before the library is unloaded, after every instance is destroyed.
   * Required. */
  void (*shutdown)(void* state);
  /* Exactly the table matching `kind` is non-NULL; static storage. */
  const gh_provider_vtable* provider;
  const gh_auth_vtable* auth;
  const gh_billing_vtable* billing;
} gh_plugin_descriptor;

/* Signature of the exported entry point named GH_PLUGIN_ENTRY_SYMBOL. Must return a
 * pointer to static storage and must not do anything else (no allocation, no I/O). */
typedef const gh_plugin_descriptor* (*gh_plugin_entry_fn)(void);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* GATEHOUSE_PLUGIN_ABI_H */
