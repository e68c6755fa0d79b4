// Keeps what a plugin put into an upstream request out of a failure message about it, since
// that message reaches the plugin, the log and often the client. API keys travel in query
// strings (e.g. "?key=...") and headers (Authorization, x-api-key), client secrets in URLs.
// The upstream client's own messages name only the host; this holds even if one did not.
#pragma once

#include <gatehouse/plugin_host/upstream.hpp>

#include <string>

namespace gatehouse {

// Replaces in `message`, with "[REDACTED]": the request URL's query string (and each of its
// values), any user info in the URL, and each header value (and each word of it). Fragments
// shorter than secrets::kMinRedactedLength are left alone, except the whole "?query" itself,
// so ordinary words survive.
void redactRequestDetails(std::string& message, const UpstreamRequest& request);

} // namespace gatehouse
