// A billing/analytics plugin: admits requests, prices usage, receives usage events.
// Every function of its table is optional; a missing one behaves as documented below.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/plugin_host/plugin_result.hpp>
#include <gatehouse/plugin_host/principal.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace gatehouse {

class LoadedPlugin;

struct AdmitOutcome {
  bool allowed = true;
  PluginResult result; // non-OK: the plugin itself failed; the caller picks fail-open or closed
  std::string reason;  // set_error message when refused, never empty then
};

struct PriceOutcome {
  PluginResult result;
  std::int64_t costMicroUsd = -1; // -1: not priced
};

class BillingPlugin {
public:
  explicit BillingPlugin(std::shared_ptr<LoadedPlugin> plugin);
  const std::string& name() const;

  bool admits() const;  // has admit; without it every request is allowed
  bool prices() const;  // has price; without it events stay unpriced (-1)
  bool records() const; // has record; without it record() does nothing

  AdmitOutcome admit(const Principal& principal, std::string_view model) const;
  PriceOutcome price(const gh_usage_event& event) const;
  // Meant for a background thread, never the request path.
  PluginResult record(const gh_usage_event& event, std::int64_t costMicroUsd) const;

private:
  std::shared_ptr<LoadedPlugin> plugin_;
};

} // namespace gatehouse
