// A Provider whose behaviour each test scripts with a function.
#pragma once

#include <gatehouse/gateway/provider.hpp>

#include <functional>
#include <string>

namespace gatehouse::testing {

class FakeProvider final : public gateway::Provider {
public:
  using Behaviour = std::function<PluginResult(Exchange&)>;

  explicit FakeProvider(std::string providerName, Behaviour behaviour = {},
                        std::shared_ptr<UpstreamClient> upstream = nullptr)
      : name_(std::move(providerName)), behaviour_(std::move(behaviour)), upstream_(std::move(upstream)) {}

  const std::string& name() const override { return name_; }
  PluginResult handle(Exchange& exchange) override {
    ++calls;
    seenModel = std::string(exchange.model());
    seenUpstreamModel = std::string(exchange.upstreamModel());
    seenRequestId = std::string(exchange.requestId());
    seenBody = std::string(exchange.requestBody());
    seenStream = exchange.wantsStream();
    seenEndpoint = exchange.endpoint();
    return behaviour_ ? behaviour_(exchange) : PluginResult{};
  }
  const std::shared_ptr<UpstreamClient>& upstreamClient() const override { return upstream_; }
  gateway::CredentialPool* credentialPool() const override { return credentials_.get(); }

  void setBehaviour(Behaviour behaviour) { behaviour_ = std::move(behaviour); }
  void setUpstream(std::shared_ptr<UpstreamClient> upstream) { upstream_ = std::move(upstream); }
  void setCredentials(std::unique_ptr<gateway::CredentialPool> credentials) {
    credentials_ = std::move(credentials);
  }

  int calls = 0;
  std::string seenModel, seenUpstreamModel, seenRequestId, seenBody;
  bool seenStream = false;
  gh_endpoint seenEndpoint = 0;

private:
  std::string name_;
  Behaviour behaviour_;
  std::shared_ptr<UpstreamClient> upstream_;
  std::unique_ptr<gateway::CredentialPool> credentials_;
};

} // namespace gatehouse::testing
