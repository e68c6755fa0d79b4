// The one reading of auth.public_url (where browsers reach the gateway), shared by the
// config loader, which refuses a bad one with its JSON path, and the sign-in routes, which
// build the redirect URI and decide whether cookies are Secure.
#pragma once

#include <gatehouse/config/config.hpp>

#include <string>
#include <string_view>

namespace gatehouse {

// True for "http://host" or "https://host", optionally with ":port" (1..65535), where host
// is a DNS name, an IPv4 address or a bracketed IPv6 literal. Refused: any other scheme,
// a trailing "/", a path, query or fragment, and credentials ("user@"): the value is an
// origin, so the redirect URI is exactly it + "/auth/callback" and it can be compared with
// a browser's Origin header.
bool isValidPublicUrl(std::string_view url);

// config.auth.publicUrl, or "http://<server.host>:<server.port>" when it is empty (an IPv6
// host in brackets).
std::string effectivePublicUrl(const GatewayConfig& config);

// True when `publicUrl` starts with "https://": session cookies are then marked Secure.
bool isHttpsUrl(std::string_view publicUrl);

} // namespace gatehouse
