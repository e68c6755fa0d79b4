// Whether a request goes through the provider's HTTP proxy, and the proxy's address and
// credentials (resolved once, when the client is made).
#pragma once

#include <gatehouse/config/config.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse {

class ProxyRoute {
public:
  // No proxy when config.proxy is empty. Throws std::runtime_error for a malformed proxy
  // URL or a proxy password that cannot be resolved (the message names the reference only).
  explicit ProxyRoute(const UpstreamConfig& config);

  bool enabled() const { return !host_.empty(); }
  // No proxy at all, or the host is in no_proxy: an exact name, a ".suffix" entry (which
  // also covers the bare domain), or "*". Case-insensitive.
  bool bypasses(std::string_view host) const;

  const std::string& host() const { return host_; }
  std::uint16_t port() const { return port_; }
  // "proxy host:port" for messages.
  const std::string& label() const { return label_; }
  // "Proxy-Authorization: Basic ...\r\n", or empty without proxy_user. A secret: it is only
  // ever written to the proxy connection.
  const std::string& authorizationLine() const { return authorizationLine_; }

private:
  std::string host_;
  std::uint16_t port_ = 0;
  std::string label_;
  std::string authorizationLine_;
  std::vector<std::string> noProxy_; // lower-cased
};

} // namespace gatehouse
