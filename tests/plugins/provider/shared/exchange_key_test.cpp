// The key one exchange sends: the pool's credential, else the configured key, never none.
#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include <string>

#include "exchange_key.hpp"

namespace gatehouse::providers {
namespace {

TEST(ExchangeKey, ThePoolCredentialWinsOverTheConfiguredKey) {
  EXPECT_EQ(requireExchangeKey("pool-key", "configured-key", "claude"), "pool-key");
}

TEST(ExchangeKey, WithoutACredentialTheConfiguredKeyIsUsed) {
  EXPECT_EQ(requireExchangeKey("", "configured-key", "claude"), "configured-key");
}

TEST(ExchangeKey, NeitherIsAnUnavailableProviderNamedInTheError) {
  try {
    requireExchangeKey("", "", "claude");
    FAIL() << "a keyless exchange was allowed";
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_UNAVAILABLE);
    EXPECT_EQ(std::string(error.what()),
              "provider 'claude' has no API key: set config.api_key or providers[].credentials");
  }
}

} // namespace
} // namespace gatehouse::providers
