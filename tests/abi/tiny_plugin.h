/* Shared bits of the test plugins, written in plain C against the ABI header only, the
 * way a third party without the SDK's C++ helper would write them. */
#ifndef GATEHOUSE_TESTS_ABI_TINY_PLUGIN_H
#define GATEHOUSE_TESTS_ABI_TINY_PLUGIN_H

#include <gatehouse/plugin_abi.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TINY_STR(literal)                                                                                    \
  { (literal), sizeof(literal) - 1 }

static inline gh_str tiny_str(const char* text) {
  gh_str result = {text, strlen(text)};
  return result;
}

static inline int tiny_equals(gh_str text, const char* literal) {
  size_t length = strlen(literal);
  return text.len == length && (length == 0 || memcmp(text.ptr, literal, length) == 0);
}

/* Copies a view into a NUL-terminated buffer, truncating. */
static inline void tiny_copy(gh_str text, char* out, size_t capacity) {
  size_t length = text.len < capacity - 1 ? text.len : capacity - 1;
  if (length > 0) {
    memcpy(out, text.ptr, length);
  }
  out[length] = '\0';
}

/* For plugins the host must refuse during the handshake: the host may call nothing but
 * the entry point, so if it ever runs these the test process dies and the test fails. */
static inline gh_status tiny_init_must_not_run(const gh_host_api* api, gh_host* host, gh_call* call,
                                               void** out_state) {
  (void)api;
  (void)host;
  (void)call;
  (void)out_state;
  abort();
}

static inline void tiny_shutdown_must_not_run(void* state) {
  (void)state;
  abort();
}

static inline gh_status tiny_create(void* plugin_state, gh_call* call, gh_str provider_name,
                                    gh_str config_json, void** out_instance) {
  (void)plugin_state;
  (void)call;
  (void)provider_name;
  (void)config_json;
  *out_instance = NULL;
  return GH_OK;
}

static inline void tiny_destroy(void* instance) {
  (void)instance;
}

static inline gh_status tiny_handle(void* instance, gh_call* call, gh_exchange* exchange) {
  (void)instance;
  (void)call;
  (void)exchange;
  return GH_OK;
}

/* Copies the string value of "key" in a flat config block into `out` ("" when absent or
 * too long). The config parsing is deliberately naive: it only has to read what the tests
 * write (no escapes, no nesting). */
static inline void tiny_config_value(gh_str config_json, const char* key, char* out, size_t capacity) {
  char config[1024];
  char pattern[64];
  const char* start;
  const char* end;
  out[0] = '\0';
  tiny_copy(config_json, config, sizeof config);
  snprintf(pattern, sizeof pattern, "\"%s\":\"", key);
  start = strstr(config, pattern);
  if (start == NULL) {
    return;
  }
  start += strlen(pattern);
  end = strchr(start, '"');
  if (end == NULL || (size_t)(end - start) >= capacity) {
    return;
  }
  memcpy(out, start, (size_t)(end - start));
  out[end - start] = '\0';
}

/* Appends one line to the file named by "trace_file" in a config block, so tests can
 * see init/create/destroy/shutdown happen, even after the library is unloaded. */
static inline void tiny_trace_path(gh_str config_json, char* out, size_t capacity) {
  tiny_config_value(config_json, "trace_file", out, capacity);
}

static inline void tiny_trace(const char* path, const char* event, gh_str subject) {
  FILE* file;
  char text[256];
  if (path[0] == '\0') {
    return;
  }
  file = fopen(path, "a");
  if (file == NULL) {
    return;
  }
  tiny_copy(subject, text, sizeof text);
  fprintf(file, "%s %s\n", event, text);
  fclose(file);
}

#endif
