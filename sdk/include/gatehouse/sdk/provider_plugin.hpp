// Base classes for a provider plugin: one ProviderPlugin per loaded library, which makes
// one ProviderInstance per configured provider (providers[] entry).
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/detail/guard.hpp>
#include <gatehouse/sdk/detail/plugin_state.hpp>
#include <gatehouse/sdk/error.hpp>
#include <gatehouse/sdk/exchange.hpp>
#include <gatehouse/sdk/host.hpp>

#include <cstddef>
#include <memory>
#include <string_view>
#include <type_traits>

namespace gatehouse::sdk {

class ProviderInstance {
public:
  virtual ~ProviderInstance() = default;

  // Serves one request: read it from `exchange`, answer with respond() or streamEvent(),
  // and reportUsage(). Called from many threads at once, so keep per-request state local.
  // Throw Error to fail the request; if nothing was sent yet the client gets an error
  // built from its status and message.
  virtual void handle(Exchange& exchange) = 0;
};

class ProviderPlugin {
public:
  // `host` outlives the plugin; keep the reference.
  explicit ProviderPlugin(Host& host) noexcept : host_(host) {}
  virtual ~ProviderPlugin() = default;
  ProviderPlugin(const ProviderPlugin&) = delete;
  ProviderPlugin& operator=(const ProviderPlugin&) = delete;

  // Makes the instance for one configured provider. Both views are valid only during the
  // call: copy what you keep. Throw Error(GH_ERROR_CONFIG, why) for a bad config.
  // The host owns the result until it destroys it, always before shutdown.
  virtual std::unique_ptr<ProviderInstance> create(std::string_view providerName,
                                                   std::string_view configJson) = 0;

  Host& host() const noexcept { return host_; }

private:
  Host& host_;
};

namespace detail {

template <class Plugin> struct ProviderTrampolines {
  // The instance handle the host holds: handle() gets no plugin state, so each instance
  // carries the Host it needs to report errors.
  struct Instance {
    const Host* host = nullptr;
    std::unique_ptr<ProviderInstance> impl;
  };

  static gh_status create(void* state, gh_call* call, gh_str providerName, gh_str configJson,
                          void** outInstance) noexcept {
    auto* plugin = static_cast<PluginState<Plugin>*>(state);
    return guarded(plugin->host.api(), call, [&] {
      if (outInstance == nullptr) {
        throw Error(GH_ERROR_INVALID_ARGUMENT, "create: out_instance is NULL");
      }
      std::unique_ptr<ProviderInstance> impl = plugin->plugin.create(view(providerName), view(configJson));
      if (!impl) {
        throw Error(GH_ERROR_INTERNAL, "create returned no instance");
      }
      // NOLINTNEXTLINE(bugprone-unhandled-exception-at-new): guarded() catches std::bad_alloc too.
      *outInstance = new Instance{&plugin->host, std::move(impl)};
    });
  }

  static void destroy(void* instance) noexcept { delete static_cast<Instance*>(instance); }

  static gh_status handle(void* instance, gh_call* call, gh_exchange* exchange) noexcept {
    auto* self = static_cast<Instance*>(instance);
    return guarded(self->host->api(), call, [&] {
      Exchange wrapped(self->host->api(), exchange);
      self->impl->handle(wrapped);
    });
  }

  static constexpr gh_provider_vtable vtable{sizeof(gh_provider_vtable), 0, &create, &destroy, &handle};
};

} // namespace detail

// The descriptor of a provider plugin class; GATEHOUSE_PROVIDER_PLUGIN exports it. Tests
// that link several plugins into one binary use it directly instead of the macro.
template <class Plugin, std::size_t NameSize, std::size_t VersionSize>
constexpr gh_plugin_descriptor providerDescriptor(const char (&name)[NameSize],
                                                  const char (&version)[VersionSize]) noexcept {
  static_assert(std::is_base_of_v<ProviderPlugin, Plugin>, "a provider plugin derives from ProviderPlugin");
  static_assert(std::is_constructible_v<Plugin, Host&>, "a plugin is constructed from a Host&");
  static_assert(NameSize > 1, "the plugin name must not be empty");
  return detail::describe<Plugin>(GH_KIND_PROVIDER, detail::literal(name), detail::literal(version),
                                  &detail::ProviderTrampolines<Plugin>::vtable, nullptr, nullptr);
}

} // namespace gatehouse::sdk
