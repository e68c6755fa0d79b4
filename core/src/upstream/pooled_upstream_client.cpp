#include <gatehouse/common/log.hpp>
#include <gatehouse/upstream/pooled_response.hpp>
#include <gatehouse/upstream/pooled_upstream_client.hpp>
#include <gatehouse/upstream/request_head.hpp>
#include <gatehouse/upstream/upstream_error.hpp>

namespace gatehouse {
namespace {

// Small bodies ride in the head's write; bigger parts go out as they are, uncopied.
constexpr std::size_t kCoalesceBytes = 16 * 1024;

// The pool slot taken for one exchange, given back if the exchange fails before a
// response owns it.
class SlotGuard {
public:
  SlotGuard(ConnectionPool& pool, const std::string& key) : pool_(pool), key_(key) {}
  ~SlotGuard() {
    if (held_) {
      pool_.release(key_, nullptr);
    }
  }
  SlotGuard(const SlotGuard&) = delete;
  SlotGuard& operator=(const SlotGuard&) = delete;
  void handOver() { held_ = false; }

private:
  ConnectionPool& pool_;
  const std::string& key_;
  bool held_ = true;
};

} // namespace

PooledUpstreamClient::PooledUpstreamClient(const UpstreamConfig& config, std::string providerName)
    : config_(config), providerName_(std::move(providerName)), tls_(config.verifyTls, config.caFile),
      proxy_(config), connector_(tls_, proxy_),
      pool_(std::make_shared<ConnectionPool>(config.maxConnectionsPerHost,
                                             std::chrono::milliseconds(config.poolIdleTimeoutMs))) {
}

UpstreamTarget PooledUpstreamClient::targetOf(const UpstreamUrl& url) const {
  UpstreamTarget target;
  target.tls = url.tls;
  target.host.assign(url.host);
  target.port = url.port;
  target.viaProxy = !proxy_.bypasses(url.host);
  target.authority = url.authority();
  return target;
}

gh_status PooledUpstreamClient::send(const UpstreamRequest& request,
                                     std::unique_ptr<UpstreamResponse>& response, UpstreamFailure& failure) {
  try {
    const ExchangeTimer timer(config_.totalTimeoutMs);
    UpstreamUrl url;
    if (std::string why = UpstreamUrl::parse(request.url, url); !why.empty()) {
      throw UpstreamError(GH_ERROR_INVALID_ARGUMENT, "invalid upstream URL: " + why);
    }
    if (std::string why = checkRequest(request); !why.empty()) {
      throw UpstreamError(GH_ERROR_INVALID_ARGUMENT, "invalid upstream request: " + why);
    }
    response = exchange(request, url, targetOf(url), timer);
    return GH_OK;
  } catch (const UpstreamError& error) {
    failure.status = error.status();
    failure.message = error.what();
    log::debug("upstream", providerName_ + ": " + failure.message);
    return failure.status;
  } catch (const std::exception& error) {
    // Resource exhaustion and the like; UpstreamError covers every expected failure.
    failure.status = GH_ERROR_UPSTREAM;
    failure.message = std::string("upstream request failed: ") + error.what();
    return failure.status;
  }
}

std::unique_ptr<UpstreamConnection> PooledUpstreamClient::connect(const UpstreamTarget& target,
                                                                  const ExchangeTimer& timer) {
  const ExchangeTimer::Limit limit = timer.phase(config_.connectTimeoutMs);
  return connector_.open(target, limit.deadline, timer.describe(limit));
}

std::unique_ptr<UpstreamResponse> PooledUpstreamClient::exchange(const UpstreamRequest& request,
                                                                 const UpstreamUrl& url,
                                                                 const UpstreamTarget& target,
                                                                 const ExchangeTimer& timer) {
  const std::string key = target.key();
  std::unique_ptr<UpstreamConnection> connection;
  if (!pool_->acquire(key, timer.phase(config_.connectTimeoutMs).deadline, connection)) {
    throw UpstreamError(GH_ERROR_UNAVAILABLE, "connection pool for " + target.authority + " is full");
  }
  SlotGuard slot(*pool_, key);
  if (connection && !connection->idleAndIntact()) {
    connection.reset(); // the upstream closed it while it sat in the pool
  }
  if (!connection) {
    connection = connect(target, timer);
  }
  auto head = std::make_unique<ResponseHead>();
  if (attempt(*connection, request, url, target, timer, *head) == Attempt::Retry) {
    connection = connect(target, timer);
    attempt(*connection, request, url, target, timer, *head); // a fresh connection never asks to retry
  }
  connection->countRequest();
  slot.handOver();
  return std::make_unique<PooledResponse>(pool_, key, std::move(connection), std::move(head), timer,
                                          config_.idleTimeoutMs, config_.maxResponseBytes, target.authority);
}

bool PooledUpstreamClient::sendRequest(UpstreamConnection& connection, const UpstreamRequest& request,
                                       const UpstreamUrl& url, const UpstreamTarget& target,
                                       const ExchangeTimer& timer) {
  const bool absoluteForm = target.viaProxy && !target.tls;
  std::string& out = connection.writeBuffer();
  writeRequestHead(request, url, absoluteForm, proxy_.authorizationLine(), out);
  const ExchangeTimer::Limit limit = timer.phase(config_.firstByteTimeoutMs);
  for (std::string_view part : request.bodyParts) {
    if (out.size() + part.size() <= kCoalesceBytes) {
      out.append(part);
      continue;
    }
    if (!out.empty() && !connection.send(out, limit.left())) {
      return false;
    }
    out.clear();
    if (part.size() >= kCoalesceBytes) {
      if (!connection.send(part, limit.left())) {
        return false;
      }
    } else {
      out.append(part);
    }
  }
  const bool sent = out.empty() || connection.send(out, limit.left());
  if (absoluteForm && !proxy_.authorizationLine().empty()) {
    std::fill(out.begin(), out.end(), '\0'); // the head held the proxy credentials
  }
  out.clear();
  return sent;
}

PooledUpstreamClient::Attempt PooledUpstreamClient::attempt(UpstreamConnection& connection,
                                                            const UpstreamRequest& request,
                                                            const UpstreamUrl& url,
                                                            const UpstreamTarget& target,
                                                            const ExchangeTimer& timer, ResponseHead& head) {
  const bool mayRetry = connection.reused();
  if (!sendRequest(connection, request, url, target, timer)) {
    if (mayRetry) {
      return Attempt::Retry;
    }
    throw UpstreamError(GH_ERROR_UPSTREAM,
                        "could not send the request to " + target.authority + ": " + connection.error());
  }
  const ExchangeTimer::Limit limit = timer.phase(config_.firstByteTimeoutMs);
  const bool headRequest = request.method == "HEAD";
  bool received = false;
  for (;;) {
    std::size_t consumed = 0;
    switch (head.parse(connection.buffered(), headRequest, consumed)) {
    case ResponseHead::Parse::Complete:
      connection.consume(consumed);
      if (head.status() == 101) {
        throw UpstreamError(GH_ERROR_UPSTREAM, "invalid response from " + target.authority +
                                                   ": unexpected 101 Switching Protocols");
      }
      if (head.status() >= 200) {
        return Attempt::Answered;
      }
      continue; // 100 Continue, 103 Early Hints: the real response follows
    case ResponseHead::Parse::Invalid:
      throw UpstreamError(GH_ERROR_UPSTREAM,
                          "invalid response from " + target.authority + ": " + head.error());
    case ResponseHead::Parse::NeedMore: break;
    }
    switch (connection.fill(limit.left())) {
    case UpstreamConnection::Read::Data: received = true; continue;
    case UpstreamConnection::Read::Timeout:
      throw UpstreamError(
          GH_ERROR_UPSTREAM_TIMEOUT,
          limit.total ? "upstream " + target.authority + " did not finish within " + timer.describe(limit)
                      : "no response from " + target.authority + " within " + timer.describe(limit));
    case UpstreamConnection::Read::End:
      if (mayRetry && !received) {
        return Attempt::Retry;
      }
      throw UpstreamError(GH_ERROR_UPSTREAM, "upstream " + target.authority + " closed the connection " +
                                                 (received ? "mid-response" : "without responding"));
    case UpstreamConnection::Read::Failed:
      if (mayRetry && !received) {
        return Attempt::Retry;
      }
      throw UpstreamError(GH_ERROR_UPSTREAM,
                          "connection to " + target.authority + " failed: " + connection.error());
    }
  }
}

std::size_t PooledUpstreamClient::openConnections(std::string_view url) const {
  UpstreamUrl parsed;
  if (!UpstreamUrl::parse(url, parsed).empty()) {
    return 0;
  }
  return pool_->openCount(targetOf(parsed).key());
}

} // namespace gatehouse
