// Serves the requests of one client connection (keep-alive loop). It replaces POCO's
// HTTPServerConnection so that requests POCO cannot even parse still get an
// OpenAI-shaped error with an x-request-id, and so in-flight requests and idle
// connections are tracked for a graceful shutdown.
#pragma once

#include <gatehouse/http/request_dispatcher.hpp>
#include <gatehouse/http/server_state.hpp>

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

#include <atomic>

namespace gatehouse::http {

class HttpConnection final : public Poco::Net::TCPServerConnection, public TrackedConnection {
public:
  HttpConnection(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
                 const RequestDispatcher& dispatcher, ServerState& state);

  void run() override;
  bool busy() const override { return busy_.load(std::memory_order_acquire); }
  void interruptIdle() override;

private:
  Poco::Net::HTTPServerParams::Ptr params_;
  const RequestDispatcher& dispatcher_;
  ServerState& state_;
  std::atomic<bool> busy_{false};
};

class HttpConnectionFactory final : public Poco::Net::TCPServerConnectionFactory {
public:
  HttpConnectionFactory(Poco::Net::HTTPServerParams::Ptr params, const RequestDispatcher& dispatcher,
                        ServerState& state)
      : params_(std::move(params)), dispatcher_(dispatcher), state_(state) {}

  Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override {
    return new HttpConnection(socket, params_, dispatcher_, state_);
  }

private:
  Poco::Net::HTTPServerParams::Ptr params_;
  const RequestDispatcher& dispatcher_;
  ServerState& state_;
};

} // namespace gatehouse::http
