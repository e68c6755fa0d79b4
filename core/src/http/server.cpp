#include <gatehouse/http/http_connection.hpp>
#include <gatehouse/http/server.hpp>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/ThreadPool.h>
#include <Poco/Timespan.h>

#include <csignal>
#include <stdexcept>

namespace gatehouse::http {
namespace {

constexpr auto kConnectionCloseTimeout = std::chrono::seconds(2);

Poco::Net::HTTPServerParams::Ptr makeParams(const ServerOptions& options) {
  Poco::Net::HTTPServerParams::Ptr params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(options.threads);
  params->setMaxQueued(options.queueSize);
  params->setKeepAlive(options.keepAlive);
  params->setKeepAliveTimeout(Poco::Timespan(options.keepAliveTimeoutSeconds, 0));
  params->setMaxKeepAliveRequests(options.maxKeepAliveRequests);
  params->setTimeout(Poco::Timespan(options.receiveTimeoutSeconds, 0));
  params->setSoftwareVersion("");
  return params;
}

} // namespace

ServerOptions serverOptionsFrom(const ServerConfig& config) {
  ServerOptions options;
  options.host = config.host;
  options.port = config.port;
  options.threads = config.threads;
  options.queueSize = config.queueSize;
  options.keepAlive = config.keepAlive;
  options.keepAliveTimeoutSeconds = config.keepAliveTimeoutSeconds;
  options.maxKeepAliveRequests = config.maxKeepAliveRequests;
  options.maxBodyBytes = config.maxBodyBytes;
  return options;
}

Server::Server(ServerOptions options, Router router)
    : options_(std::move(options)), router_(std::move(router)),
      dispatcher_(router_, options_.maxBodyBytes, &state_) {
  if (options_.threads < 1)
    throw std::invalid_argument("server.threads must be at least 1");
  if (options_.queueSize < 1)
    throw std::invalid_argument("server.queue_size must be at least 1");
}

Server::~Server() {
  try {
    stop();
  } catch (...) {
    // Destructors must not throw; stop() only fails when the sockets are already gone.
  }
}

void Server::start() {
  // A client that hangs up mid-response must cost us an EPIPE, not the process.
  std::signal(SIGPIPE, SIG_IGN);
  Poco::Net::ServerSocket socket;
  try {
    // SO_REUSEADDR for quick restarts, but never SO_REUSEPORT: a second gateway on the
    // same port must fail loudly instead of silently sharing its connections.
    socket.bind(Poco::Net::SocketAddress(options_.host, options_.port), true, false);
    socket.listen(options_.queueSize);
  } catch (const Poco::Exception& e) {
    throw std::runtime_error("cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                             ": " + e.displayText());
  }
  boundPort_ = socket.address().port();
  const auto params = makeParams(options_);
  pool_ = std::make_unique<Poco::ThreadPool>(1, options_.threads);
  tcpServer_ = std::make_unique<Poco::Net::TCPServer>(new HttpConnectionFactory(params, dispatcher_, state_),
                                                      *pool_, socket, params);
  tcpServer_->start();
  accepting_ = true;
}

void Server::stopAccepting() {
  state_.startDraining();
  if (!accepting_)
    return;
  accepting_ = false;
  // TCPServer::stop joins the acceptor; closing our handle to the listening socket
  // makes new connection attempts fail at once instead of queueing in the backlog.
  Poco::Net::ServerSocket listening = tcpServer_->socket();
  tcpServer_->stop();
  listening.close();
}

void Server::stop() {
  if (!tcpServer_)
    return;
  stopAccepting();
  // Stopping is set before the idle connections are interrupted, so a connection that
  // registers too late to be interrupted still sees it and ends.
  state_.startStopping();
  state_.interruptIdleConnections();
  state_.waitForNoConnections(kConnectionCloseTimeout);
  tcpServer_.reset();
  pool_->joinAll();
  pool_.reset();
}

} // namespace gatehouse::http
