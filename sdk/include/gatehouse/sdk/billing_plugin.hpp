// Base class for a billing plugin: admits requests, prices them and records them. Each of
// the three hooks is optional; the descriptor fills only the vtable slots the plugin
// class overrides, so the host applies the ABI's defaults for the rest (admit: always
// allowed; price: not priced; record: nothing is recorded).
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/detail/guard.hpp>
#include <gatehouse/sdk/detail/plugin_state.hpp>
#include <gatehouse/sdk/error.hpp>
#include <gatehouse/sdk/host.hpp>
#include <gatehouse/sdk/principal_view.hpp>
#include <gatehouse/sdk/usage_event_view.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace gatehouse::sdk {

class Admission {
public:
  static Admission allow() { return Admission(true, {}); }
  // `reason` goes to the client (HTTP 429 or 403 as the host decides): no secrets.
  static Admission refuse(std::string reason) { return Admission(false, std::move(reason)); }

  bool allowed() const noexcept { return allowed_; }
  const std::string& reason() const noexcept { return reason_; }

private:
  Admission(bool allowed, std::string reason) : allowed_(allowed), reason_(std::move(reason)) {}

  bool allowed_;
  std::string reason_;
};

class BillingPlugin {
public:
  explicit BillingPlugin(Host& host) noexcept : host_(host) {}
  virtual ~BillingPlugin() = default;
  BillingPlugin(const BillingPlugin&) = delete;
  BillingPlugin& operator=(const BillingPlugin&) = delete;

  // The bodies below are what the host does when a slot is empty; they run only if a
  // derived class calls them explicitly. Override with `override` so a signature typo
  // is a compile error instead of a silently empty slot.

  // Before routing, on the request path: keep it fast. `principal` is empty when anonymous.
  virtual Admission admit(const PrincipalView& principal, std::string_view model) {
    (void)principal;
    (void)model;
    return Admission::allow();
  }
  // The cost of a finished request in millionths of a US dollar.
  virtual std::int64_t price(const UsageEventView& event) {
    (void)event;
    throw Error(GH_ERROR_UNSUPPORTED, "this billing plugin does not price requests");
  }
  // Receives every finished request with its price, on a background thread.
  virtual void record(const UsageEventView& event, std::int64_t costMicroUsd) {
    (void)event;
    (void)costMicroUsd;
  }

  Host& host() const noexcept { return host_; }

private:
  Host& host_;
};

namespace detail {

// &Plugin::admit names BillingPlugin::admit (same member-pointer type) unless some class
// between Plugin and BillingPlugin declares its own admit.
template <class Plugin>
inline constexpr bool overridesAdmit =
    !std::is_same_v<decltype(&Plugin::admit), decltype(&BillingPlugin::admit)>;
template <class Plugin>
inline constexpr bool overridesPrice =
    !std::is_same_v<decltype(&Plugin::price), decltype(&BillingPlugin::price)>;
template <class Plugin>
inline constexpr bool overridesRecord =
    !std::is_same_v<decltype(&Plugin::record), decltype(&BillingPlugin::record)>;

template <class Plugin> struct BillingTrampolines {
  static gh_status admit(void* state, gh_call* call, const gh_principal* principal, gh_str model,
                         int32_t* outAllowed) noexcept {
    auto* plugin = static_cast<PluginState<Plugin>*>(state);
    const gh_host_api& api = plugin->host.api();
    return guarded(api, call, [&] {
      if (outAllowed == nullptr) {
        throw Error(GH_ERROR_INVALID_ARGUMENT, "admit: out_allowed is NULL");
      }
      Admission admission = plugin->plugin.admit(PrincipalView::from(principal), view(model));
      if (!admission.allowed()) {
        setError(api, call, admission.reason().empty() ? "request refused" : admission.reason());
      }
      *outAllowed = admission.allowed() ? 1 : 0;
    });
  }

  static gh_status price(void* state, gh_call* call, const gh_usage_event* event,
                         int64_t* outCostMicroUsd) noexcept {
    auto* plugin = static_cast<PluginState<Plugin>*>(state);
    return guarded(plugin->host.api(), call, [&] {
      if (outCostMicroUsd == nullptr) {
        throw Error(GH_ERROR_INVALID_ARGUMENT, "price: out_cost is NULL");
      }
      *outCostMicroUsd = plugin->plugin.price(UsageEventView::from(event));
    });
  }

  static gh_status record(void* state, gh_call* call, const gh_usage_event* event,
                          int64_t costMicroUsd) noexcept {
    auto* plugin = static_cast<PluginState<Plugin>*>(state);
    return guarded(plugin->host.api(), call,
                   [&] { plugin->plugin.record(UsageEventView::from(event), costMicroUsd); });
  }

  static constexpr gh_billing_vtable vtable{
      sizeof(gh_billing_vtable), 0, overridesAdmit<Plugin> ? &admit : nullptr,
      overridesPrice<Plugin> ? &price : nullptr, overridesRecord<Plugin> ? &record : nullptr};
};

} // namespace detail

template <class Plugin, std::size_t NameSize, std::size_t VersionSize>
constexpr gh_plugin_descriptor billingDescriptor(const char (&name)[NameSize],
                                                 const char (&version)[VersionSize]) noexcept {
  static_assert(std::is_base_of_v<BillingPlugin, Plugin>, "a billing plugin derives from BillingPlugin");
  static_assert(std::is_constructible_v<Plugin, Host&>, "a plugin is constructed from a Host&");
  static_assert(NameSize > 1, "the plugin name must not be empty");
  static_assert(detail::overridesAdmit<Plugin> || detail::overridesPrice<Plugin> ||
                    detail::overridesRecord<Plugin>,
                "a billing plugin overrides at least one of admit, price and record");
  return detail::describe<Plugin>(GH_KIND_BILLING, detail::literal(name), detail::literal(version), nullptr,
                                  nullptr, &detail::BillingTrampolines<Plugin>::vtable);
}

} // namespace gatehouse::sdk
