// The handshake: checks what a plugin's entry point returned and copies its tables.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <cstddef>
#include <optional>
#include <string>

namespace gatehouse {

// Host-owned copies of a plugin's descriptor and its kind's table. Each was copied
// with only as many bytes as the plugin declared in struct_size (OBS-style), so fields
// a plugin built against an older minor does not know read as zero/NULL.
struct PluginTables {
  gh_plugin_descriptor descriptor{};
  gh_provider_vtable provider{};
  gh_auth_vtable auth{};
  gh_billing_vtable billing{};
};

// Sizes of the v1.0 structs: the least a plugin may declare. A table must reach at
// least its last required function.
inline constexpr std::size_t kMinDescriptorSize = sizeof(gh_plugin_descriptor);
inline constexpr std::size_t kMinProviderTableSize = offsetof(gh_provider_vtable, handle) + sizeof(void*);
inline constexpr std::size_t kMinAuthTableSize = offsetof(gh_auth_vtable, authenticate) + sizeof(void*);
// The 1.0/1.1 auth table (no browser sign-in) ends where login_start begins.
inline constexpr std::size_t kAuthTableSizeBeforeLogin = offsetof(gh_auth_vtable, login_start);
inline constexpr std::size_t kMinBillingTableSize = offsetof(gh_billing_vtable, admit);

// Validates `raw` in the order the ABI promises: magic, major, minor first (so a
// mismatch is explained before anything else is trusted), then size, kind, name,
// init/shutdown, and the kind's table with its required functions (and, for auth, that
// login_start and login_finish are both set or both NULL). On success fills
// `out` and returns nullopt; otherwise returns the cause, e.g. "bad magic 0x... (not a
// Gatehouse plugin)". Calls no plugin code.
std::optional<std::string> readDescriptor(const gh_plugin_descriptor* raw, PluginTables& out);

} // namespace gatehouse
