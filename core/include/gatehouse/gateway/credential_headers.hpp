// The request headers that carry a client's credentials. A provider plugin reads the
// client's headers through exchange_request_header, and these must read as absent: the
// client's key is for the gateway, never for the upstream.
#pragma once

#include <string_view>

namespace gatehouse::gateway {

// Authorization, Proxy-Authorization, Cookie, x-api-key, x-goog-api-key and api-key,
// case-insensitive.
bool isCredentialHeader(std::string_view name);

} // namespace gatehouse::gateway
