// An absolute http:// or https:// URL a plugin asked the host to send a request to, split
// into what the connection and the request line need. Views point into the URL text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gatehouse {

struct UpstreamUrl {
  bool tls = false;
  std::string_view host;      // without brackets, for DNS, SNI and certificate checks
  std::string_view hostField; // as in the URL (IPv6 in brackets), for the Host header
  std::uint16_t port = 0;
  bool defaultPort = true; // no port, or the scheme's own: Host omits it
  std::string_view target; // path and query ("/" when the URL has no path); no fragment

  // "host:port" for messages: never the path or query, which may carry a key.
  std::string authority() const;

  // Empty on success, otherwise why `url` cannot be used (without repeating the URL).
  static std::string parse(std::string_view url, UpstreamUrl& out);
};

} // namespace gatehouse
