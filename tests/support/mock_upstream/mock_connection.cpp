#include "mock_connection.hpp"

#include <Poco/Exception.h>
#include <Poco/Net/SecureStreamSocketImpl.h>
#include <Poco/Timespan.h>

#include <cstdio>
#include <exception>

#include "mock_options.hpp"
#include "request_reader.hpp"
#include "response_writer.hpp"
#include "router.hpp"

namespace gatehouse::mock {
namespace {

constexpr int kSendTimeoutSeconds = 60;

} // namespace

MockConnection::MockConnection(const Poco::Net::StreamSocket& socket, const Router& router,
                               const MockOptions& options)
    : Poco::Net::TCPServerConnection(socket), router_(router), options_(options) {
}

void MockConnection::run() {
  auto& connection = socket();
  bool tls = dynamic_cast<Poco::Net::SecureStreamSocketImpl*>(connection.impl()) != nullptr;
  try {
    // The receive timeout doubles as the keep-alive idle limit.
    connection.setReceiveTimeout(Poco::Timespan(options_.idleTimeoutSeconds, 0));
    connection.setSendTimeout(Poco::Timespan(kSendTimeoutSeconds, 0));
    RequestReader reader(connection, options_.maxBodyBytes);
    while (true) {
      auto head = reader.readHead();
      if (!head)
        return;
      if (head->expectsContinue()) {
        constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        connection.sendBytes(kContinue.data(), static_cast<int>(kContinue.size()));
      }
      auto request = std::make_shared<HttpRequest>(std::move(*head));
      reader.readBody(*request);
      ResponseWriter writer(connection, tls, request->wantsKeepAlive());
      router_.route(request, writer, tls);
      // Every handler answers; should one not, the client must not wait forever.
      if (!writer.started())
        writer.send(500, "application/json", R"({"error":{"message":"mock upstream gave no answer"}})");
      if (!writer.keepAlive()) {
        connection.shutdown();
        return;
      }
    }
  } catch (const ConnectionCut&) {
    // The scenario ended the connection on purpose.
  } catch (const BadRequest& bad) {
    answerBadRequest(bad.status(), tls);
  } catch (const Poco::Exception&) {
    // Idle timeout, a client that went away, or a failed TLS handshake: nothing to answer.
  } catch (const std::exception& unexpected) {
    std::fprintf(stderr, "mock-upstream: connection failed: %s\n", unexpected.what());
  }
}

void MockConnection::answerBadRequest(int status, bool tls) {
  try {
    ResponseWriter writer(socket(), tls, false);
    writer.send(status, "application/json",
                R"({"error":{"message":"Malformed HTTP request","type":"invalid_request_error",)"
                R"("param":null,"code":null}})");
    socket().shutdown();
  } catch (...) {
    // The client may be gone already.
  }
}

} // namespace gatehouse::mock
