// One configured "hello" provider: answers every chat completion with its greeting
// followed by the client's last user message, streamed or not.
#pragma once

#include <gatehouse/plugin.hpp>

#include <string>
#include <string_view>

namespace hello {

class HelloProvider : public gatehouse::sdk::ProviderInstance {
public:
  // `configJson` is the providers[].config object: {"greeting": "..."}, all optional.
  // Throws gatehouse::sdk::Error(GH_ERROR_CONFIG) when it is not.
  explicit HelloProvider(std::string_view configJson);

  void handle(gatehouse::sdk::Exchange& exchange) override;

  const std::string& greeting() const { return greeting_; }

private:
  std::string greeting_ = "Hello!";
};

} // namespace hello
