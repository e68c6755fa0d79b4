#include "exchange_key.hpp"

#include <gatehouse/sdk/error.hpp>

#include <string>

namespace gatehouse::providers {

std::string_view requireExchangeKey(std::string_view credential, std::string_view configuredKey,
                                    std::string_view providerName) {
  if (!credential.empty()) {
    return credential;
  }
  if (!configuredKey.empty()) {
    return configuredKey;
  }
  // The provider is unusable until an operator adds a key: a 503, since the fault is the
  // gateway's configuration, not the client's request.
  std::string message = "provider '";
  message.append(providerName).append("' has no API key: set config.api_key or providers[].credentials");
  throw sdk::Error(GH_ERROR_UNAVAILABLE, message);
}

} // namespace gatehouse::providers
