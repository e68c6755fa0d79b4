// Provider backed by a provider plugin instance made by the PluginHost.
#pragma once

#include <gatehouse/gateway/provider.hpp>
#include <gatehouse/plugin_host/provider_instance.hpp>

#include <memory>

namespace gatehouse::gateway {

class PluginProvider final : public Provider {
public:
  // `upstream` may be null (the plugin then cannot send upstream requests); `credentials`
  // may be null (the plugin uses the key of its own config).
  PluginProvider(std::shared_ptr<ProviderInstance> instance, std::shared_ptr<UpstreamClient> upstream,
                 std::unique_ptr<CredentialPool> credentials = nullptr)
      : instance_(std::move(instance)), upstream_(std::move(upstream)), credentials_(std::move(credentials)) {
  }

  const std::string& name() const override { return instance_->name(); }
  PluginResult handle(Exchange& exchange) override { return instance_->handle(exchange); }
  const std::shared_ptr<UpstreamClient>& upstreamClient() const override { return upstream_; }
  CredentialPool* credentialPool() const override { return credentials_.get(); }

private:
  std::shared_ptr<ProviderInstance> instance_;
  std::shared_ptr<UpstreamClient> upstream_;
  std::unique_ptr<CredentialPool> credentials_;
};

} // namespace gatehouse::gateway
