// One configured mock provider: answers chat completions locally and deterministically
// by echoing the last user message ("Echo: <text>", or the configured fixed reply).
#pragma once

#include <gatehouse/plugin.hpp>

#include "mock_config.hpp"

namespace gatehouse::plugins::mock {

class MockProvider final : public sdk::ProviderInstance {
public:
  explicit MockProvider(MockConfig config) : config_(std::move(config)) {}

  void handle(sdk::Exchange& exchange) override;

private:
  void wait() const;

  MockConfig config_;
};

} // namespace gatehouse::plugins::mock
