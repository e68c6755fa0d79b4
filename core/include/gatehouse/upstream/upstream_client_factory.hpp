// The one entry point into core/src/upstream: the plugin host asks for one client per
// configured provider and never sees the POCO-based implementation behind it.
#pragma once

#include <gatehouse/config/config.hpp>
#include <gatehouse/plugin_host/upstream.hpp>

#include <memory>
#include <string>

namespace gatehouse {

// A client with its own connection pool, TLS context, proxy and timeouts, as `config`
// says. `providerName` only labels log lines and errors. Throws std::runtime_error with
// a message naming the provider when the config cannot be used (an unreadable ca_file,
// an unresolvable proxy password, a malformed proxy URL).
std::shared_ptr<UpstreamClient> makeUpstreamClient(const UpstreamConfig& config, std::string providerName);

} // namespace gatehouse
