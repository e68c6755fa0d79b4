// The gateway's HTTP server: a POCO TCPServer with a bounded thread pool and accept
// queue, serving each connection with HttpConnection (keep-alive, limits, request id)
// and routing requests through a Router.
#pragma once

#include <gatehouse/config/config.hpp>
#include <gatehouse/http/request_dispatcher.hpp>
#include <gatehouse/http/router.hpp>
#include <gatehouse/http/server_state.hpp>

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace Poco {
class ThreadPool;
}
namespace Poco::Net {
class TCPServer;
}

namespace gatehouse::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 0; // 0: the OS picks a free port; see Server::port()
  int threads = 16;
  int queueSize = 256;
  bool keepAlive = true;
  int keepAliveTimeoutSeconds = 15;
  int maxKeepAliveRequests = 1000;
  std::size_t maxBodyBytes = 10 * 1024 * 1024;
  // How long a connection may take to send a request's header or body before it is
  // dropped; bounds how long a slow client can hold a worker thread.
  int receiveTimeoutSeconds = 30;
};

ServerOptions serverOptionsFrom(const ServerConfig& config);

class Server {
public:
  Server(ServerOptions options, Router router);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts accepting. Throws std::runtime_error with a one-line message
  // (e.g. the address is in use).
  void start();
  // The port actually bound (useful with port 0). Valid after start().
  std::uint16_t port() const { return boundPort_; }
  const std::string& host() const { return options_.host; }

  // Graceful shutdown, step 1: stop accepting (the listening socket is closed), and
  // answer requests still arriving on open connections with Connection: close.
  void stopAccepting();
  int inFlight() const { return state_.inFlight(); }
  // Step 2: true when every in-flight request (streams included) ended in time.
  bool waitForIdle(std::chrono::milliseconds grace) const { return state_.waitForIdle(grace); }
  // Step 3: closes idle keep-alive connections and joins the worker threads. Call only
  // once no request is in flight.
  void stop();

private:
  ServerOptions options_;
  Router router_;
  ServerState state_;
  RequestDispatcher dispatcher_;
  std::unique_ptr<Poco::ThreadPool> pool_;
  std::unique_ptr<Poco::Net::TCPServer> tcpServer_;
  std::uint16_t boundPort_ = 0;
  bool accepting_ = false;
};

} // namespace gatehouse::http
