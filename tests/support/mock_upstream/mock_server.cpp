#include "mock_server.hpp"

#include <Poco/Net/Context.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/TCPServer.h>
#include <Poco/Net/TCPServerParams.h>
#include <Poco/ThreadPool.h>

#include "mock_connection.hpp"
#include "recorder.hpp"
#include "router.hpp"

namespace gatehouse::mock {
namespace {

// Each connection holds a thread for its whole life, so thousands of streams mean
// thousands of threads: small stacks keep that cheap. Request parsing is iterative.
constexpr int kThreadStackBytes = 256 * 1024;
constexpr int kThreadIdleSeconds = 10;
// Bursts of thousands of connects must not overflow the accept queue.
constexpr int kListenBacklog = 4096;

// SO_REUSEADDR so a restarted mock can take its port back at once; never SO_REUSEPORT,
// which would let two mocks share a port silently.
std::unique_ptr<Poco::Net::ServerSocket> listeningSocket(const MockOptions& options) {
  std::unique_ptr<Poco::Net::ServerSocket> socket;
  if (options.tls()) {
    Poco::Net::initializeSSL();
    Poco::Net::Context::Ptr context = new Poco::Net::Context(
        Poco::Net::Context::SERVER_USE, options.tlsKey, options.tlsCert, "", Poco::Net::Context::VERIFY_NONE,
        9, false, "ALL:!ADH:!LOW:!EXP:!MD5:@STRENGTH");
    socket = std::make_unique<Poco::Net::SecureServerSocket>(context);
  } else {
    socket = std::make_unique<Poco::Net::ServerSocket>();
  }
  socket->bind(Poco::Net::SocketAddress(options.host, options.port), true, false);
  socket->listen(kListenBacklog);
  return socket;
}

} // namespace

MockServer::MockServer(MockOptions options) : options_(std::move(options)) {
  if (options_.record)
    recorder_ = std::make_unique<Recorder>(options_.recordLimit);
  router_ = std::make_unique<Router>(options_, recorder_.get());
  threads_ =
      std::make_unique<Poco::ThreadPool>("mock", 2, options_.threads, kThreadIdleSeconds, kThreadStackBytes);
  auto params = new Poco::Net::TCPServerParams;
  params->setMaxThreads(options_.threads);
  params->setMaxQueued(options_.threads);
  params->setThreadIdleTime(Poco::Timespan(kThreadIdleSeconds, 0));
  // TCPServer keeps its own handle on the socket; the TLS behaviour lives in the impl.
  auto socket = listeningSocket(options_);
  server_ = std::make_unique<Poco::Net::TCPServer>(new MockConnectionFactory(*router_, options_), *threads_,
                                                   *socket, params);
}

MockServer::~MockServer() {
  if (server_)
    server_->stop();
}

void MockServer::start() {
  server_->start();
}

std::uint16_t MockServer::port() const {
  return server_->socket().address().port();
}

} // namespace gatehouse::mock
