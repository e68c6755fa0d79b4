#include <gatehouse/plugin_host/abi_handles.hpp>
#include <gatehouse/plugin_host/billing_plugin.hpp>
#include <gatehouse/plugin_host/loaded_plugin.hpp>

#include <utility>

namespace gatehouse {

BillingPlugin::BillingPlugin(std::shared_ptr<LoadedPlugin> plugin) : plugin_(std::move(plugin)) {
}

const std::string& BillingPlugin::name() const {
  return plugin_->name();
}

bool BillingPlugin::admits() const {
  return plugin_->billing().admit != nullptr;
}
bool BillingPlugin::prices() const {
  return plugin_->billing().price != nullptr;
}
bool BillingPlugin::records() const {
  return plugin_->billing().record != nullptr;
}

AdmitOutcome BillingPlugin::admit(const Principal& principal, std::string_view model) const {
  AdmitOutcome outcome;
  if (!admits()) {
    return outcome;
  }
  HostCall call;
  // Refusing is the plugin's explicit act; a plugin that leaves this alone admits.
  int32_t allowed = 1;
  const gh_principal view = toAbi(principal);
  const gh_status status =
      plugin_->billing().admit(plugin_->state(), call.handle(), &view, strOf(model), &allowed);
  if (status != GH_OK) {
    outcome.result = resultOf(status, std::move(call.error), name());
    return outcome;
  }
  if (allowed == 0) {
    outcome.allowed = false;
    outcome.reason = call.error.empty() ? "refused by billing plugin '" + name() + "'" : call.error;
  }
  return outcome;
}

PriceOutcome BillingPlugin::price(const gh_usage_event& event) const {
  PriceOutcome outcome;
  if (!prices()) {
    return outcome;
  }
  HostCall call;
  std::int64_t cost = -1;
  const gh_status status = plugin_->billing().price(plugin_->state(), call.handle(), &event, &cost);
  outcome.result = resultOf(status, std::move(call.error), name());
  if (outcome.result.ok() && cost >= 0) {
    outcome.costMicroUsd = cost;
  }
  return outcome;
}

PluginResult BillingPlugin::record(const gh_usage_event& event, std::int64_t costMicroUsd) const {
  if (!records()) {
    return {};
  }
  HostCall call;
  const gh_status status = plugin_->billing().record(plugin_->state(), call.handle(), &event, costMicroUsd);
  return resultOf(status, std::move(call.error), name());
}

} // namespace gatehouse
