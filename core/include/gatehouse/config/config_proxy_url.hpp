// The one reading of upstream.proxy, shared by the config loader (which refuses a bad one
// with its JSON path) and the upstream client (which connects to it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gatehouse {

struct ProxyAddress {
  std::string host; // without brackets for an IPv6 literal
  std::uint16_t port = 0;
};

// "http://host:port", optionally with a trailing "/". Credentials in the URL, another
// scheme, a path, a missing or zero port give nullopt: proxy_user and proxy_password carry
// credentials, so that the URL can be logged.
std::optional<ProxyAddress> parseProxyUrl(std::string_view url);

} // namespace gatehouse
