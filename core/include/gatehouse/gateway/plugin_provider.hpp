// Provider backed by a provider plugin instance made by the PluginHost.
#pragma once

#include <gatehouse/gateway/provider.hpp>
#include <gatehouse/plugin_host/provider_instance.hpp>

#include <memory>

namespace gatehouse::gateway {

class PluginProvider final : public Provider {
public:
  explicit PluginProvider(std::shared_ptr<ProviderInstance> instance) : instance_(std::move(instance)) {}

  const std::string& name() const override { return instance_->name(); }
  PluginResult handle(Exchange& exchange) override { return instance_->handle(exchange); }

private:
  std::shared_ptr<ProviderInstance> instance_;
};

} // namespace gatehouse::gateway
