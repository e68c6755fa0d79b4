// Where one request's connection goes: the upstream's scheme, host and port, and whether a
// proxy is in between. Also the key of the connection pool that serves it.
#pragma once

#include <cstdint>
#include <string>

namespace gatehouse {

struct UpstreamTarget {
  bool tls = false;
  std::string host; // without brackets
  std::uint16_t port = 0;
  bool viaProxy = false;
  std::string authority; // "host:port" (IPv6 in brackets), for messages and CONNECT

  // Pool key: every field that makes a connection unusable for another target.
  std::string key() const { return std::string(tls ? "s|" : "p|") + (viaProxy ? "x|" : "d|") + authority; }
};

} // namespace gatehouse
