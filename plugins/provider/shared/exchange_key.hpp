// Which key one exchange sends upstream, for providers that cannot work without one. The
// host may hand each exchange a credential from the provider's pool (providers[].credentials,
// ABI 1.3); otherwise the key of the instance's own config is used.
#pragma once

#include <string_view>

namespace gatehouse::providers {

// `credential` (the pool's choice) when there is one, else `configuredKey`. Throws
// sdk::Error(GH_ERROR_UNAVAILABLE) naming the provider when both are empty, so that no
// request ever leaves without a key. The result is also the key to redact from whatever
// the upstream answers the exchange.
std::string_view requireExchangeKey(std::string_view credential, std::string_view configuredKey,
                                    std::string_view providerName);

} // namespace gatehouse::providers
