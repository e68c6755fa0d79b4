// UpstreamClient over POCO sockets: one per provider, with its own pool, TLS context,
// proxy route and timeouts.
#pragma once

#include <gatehouse/config/config.hpp>
#include <gatehouse/plugin_host/upstream.hpp>
#include <gatehouse/upstream/connection_pool.hpp>
#include <gatehouse/upstream/exchange_timer.hpp>
#include <gatehouse/upstream/proxy_route.hpp>
#include <gatehouse/upstream/response_head.hpp>
#include <gatehouse/upstream/tls_client_context.hpp>
#include <gatehouse/upstream/upstream_connector.hpp>
#include <gatehouse/upstream/upstream_target.hpp>
#include <gatehouse/upstream/upstream_url.hpp>

#include <memory>
#include <string>

namespace gatehouse {

class PooledUpstreamClient : public UpstreamClient {
public:
  // Throws std::runtime_error for a config it cannot use (see makeUpstreamClient).
  PooledUpstreamClient(const UpstreamConfig& config, std::string providerName);

  gh_status send(const UpstreamRequest& request, std::unique_ptr<UpstreamResponse>& response,
                 UpstreamFailure& failure) override;

  // Connections open to the target of `url` (busy and idle); for tests.
  std::size_t openConnections(std::string_view url) const;

private:
  enum class Attempt { Answered, Retry };

  std::unique_ptr<UpstreamResponse> exchange(const UpstreamRequest& request, const UpstreamUrl& url,
                                             const UpstreamTarget& target, const ExchangeTimer& timer);
  std::unique_ptr<UpstreamConnection> connect(const UpstreamTarget& target, const ExchangeTimer& timer);
  // Sends the request and reads the response head into `head`. Retry: the connection came
  // from the pool and failed before any byte of a response (the upstream had closed it).
  Attempt attempt(UpstreamConnection& connection, const UpstreamRequest& request, const UpstreamUrl& url,
                  const UpstreamTarget& target, const ExchangeTimer& timer, ResponseHead& head);
  bool sendRequest(UpstreamConnection& connection, const UpstreamRequest& request, const UpstreamUrl& url,
                   const UpstreamTarget& target, const ExchangeTimer& timer);
  UpstreamTarget targetOf(const UpstreamUrl& url) const;

  UpstreamConfig config_;
  std::string providerName_;
  TlsClientContext tls_;
  ProxyRoute proxy_;
  UpstreamConnector connector_;
  std::shared_ptr<ConnectionPool> pool_;
};

} // namespace gatehouse
