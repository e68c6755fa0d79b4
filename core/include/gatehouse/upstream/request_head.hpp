// The request line and header fields the host writes for a plugin's upstream request.
#pragma once

#include <gatehouse/plugin_host/upstream.hpp>
#include <gatehouse/upstream/upstream_url.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace gatehouse {

// Empty when the plugin's method and headers can be sent, otherwise why not (naming the
// header but never its value). The host owns Host, Content-Length, Connection and
// Transfer-Encoding; names must be HTTP tokens and values free of line breaks and NUL.
std::string checkRequest(const UpstreamRequest& request);

// Total length of the body parts.
std::size_t bodyLength(const UpstreamRequest& request);

// Writes the head into `out` (replacing its contents, reusing its memory). `absoluteForm`:
// the request goes to a plain-HTTP proxy, so the target is the whole URL and
// `proxyAuthorization` (a complete header line or empty) is added.
void writeRequestHead(const UpstreamRequest& request, const UpstreamUrl& url, bool absoluteForm,
                      std::string_view proxyAuthorization, std::string& out);

} // namespace gatehouse
