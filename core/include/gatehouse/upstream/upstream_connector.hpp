// Opens new connections for one provider: DNS, TCP connect, the proxy's CONNECT tunnel and
// the TLS handshake with its checks, all within the connect timeout.
#pragma once

#include <gatehouse/upstream/proxy_route.hpp>
#include <gatehouse/upstream/tls_client_context.hpp>
#include <gatehouse/upstream/upstream_connection.hpp>
#include <gatehouse/upstream/upstream_target.hpp>

#include <Poco/Net/SecureStreamSocket.h>

#include <chrono>
#include <memory>

namespace gatehouse {

class UpstreamConnector {
public:
  UpstreamConnector(const TlsClientContext& tls, const ProxyRoute& proxy) : tls_(tls), proxy_(proxy) {}

  // Throws UpstreamError: GH_ERROR_UPSTREAM_TIMEOUT when `deadline` passes (`timeoutText`
  // names the limit that set it, e.g. "10000 ms"), GH_ERROR_UPSTREAM for anything else.
  std::unique_ptr<UpstreamConnection> open(const UpstreamTarget& target, UpstreamClock::time_point deadline,
                                           const std::string& timeoutText) const;

private:
  Poco::Net::SecureStreamSocket handshake(const Poco::Net::StreamSocket& plain, const std::string& host,
                                          UpstreamClock::time_point deadline) const;
  void tunnel(UpstreamConnection& connection, const UpstreamTarget& target,
              UpstreamClock::time_point deadline, const std::string& timeoutText) const;

  const TlsClientContext& tls_;
  const ProxyRoute& proxy_;
};

} // namespace gatehouse
