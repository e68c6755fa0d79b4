// What init hands back as the plugin state, and the init/shutdown trampolines shared by
// every kind of plugin.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/detail/guard.hpp>
#include <gatehouse/sdk/host.hpp>

#include <cstddef>

namespace gatehouse::sdk::detail {

// Owns the author's plugin object. The Host lives beside it (declared first, so built
// first and destroyed last) because the plugin's constructor keeps a reference to it.
template <class Plugin> struct PluginState {
  PluginState(const gh_host_api& api, gh_host* handle) : host(api, handle), plugin(host) {}

  Host host;
  Plugin plugin;
};

template <class Plugin> struct Lifecycle {
  // A throwing constructor fails init with its message; nothing is leaked because the
  // new-expression frees the half-built state.
  static gh_status init(const gh_host_api* api, gh_host* host, gh_call* call, void** outState) noexcept {
    if (api == nullptr || outState == nullptr) {
      return GH_ERROR_INVALID_ARGUMENT;
    }
    return guarded(*api, call, [&] {
      // NOLINTNEXTLINE(bugprone-unhandled-exception-at-new): guarded() catches std::bad_alloc too.
      *outState = new PluginState<Plugin>(*api, host);
    });
  }

  // Destructors are noexcept, so nothing can escape here.
  static void shutdown(void* state) noexcept { delete static_cast<PluginState<Plugin>*>(state); }
};

template <std::size_t N> constexpr gh_str literal(const char (&text)[N]) noexcept {
  return gh_str{text, N - 1};
}

// The descriptor for `Plugin`; exactly one of the three tables is non-null. Everything it
// points to has static storage, as the ABI requires.
template <class Plugin>
constexpr gh_plugin_descriptor describe(gh_plugin_kind kind, gh_str name, gh_str version,
                                        const gh_provider_vtable* provider, const gh_auth_vtable* auth,
                                        const gh_billing_vtable* billing) noexcept {
  return gh_plugin_descriptor{GH_PLUGIN_MAGIC,
                              GH_ABI_VERSION_MAJOR,
                              GH_ABI_VERSION_MINOR,
                              sizeof(gh_plugin_descriptor),
                              kind,
                              0,
                              name,
                              version,
                              &Lifecycle<Plugin>::init,
                              &Lifecycle<Plugin>::shutdown,
                              provider,
                              auth,
                              billing};
}

} // namespace gatehouse::sdk::detail
