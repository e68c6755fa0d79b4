#include <gatehouse/upstream/response_head.hpp>
#include <gatehouse/upstream/upstream_connector.hpp>
#include <gatehouse/upstream/upstream_error.hpp>

#include <Poco/Exception.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/SSLException.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>

namespace gatehouse {
namespace {

using std::chrono::milliseconds;

milliseconds remaining(UpstreamClock::time_point deadline) {
  return std::chrono::ceil<milliseconds>(deadline - UpstreamClock::now());
}

Poco::Timespan asTimespan(milliseconds wait) {
  const long long ms = wait.count() < 1 ? 1 : wait.count();
  return Poco::Timespan(static_cast<long>(ms / 1000), static_cast<long>((ms % 1000) * 1000));
}

[[noreturn]] void fail(const std::string& message) {
  throw UpstreamError(GH_ERROR_UPSTREAM, message);
}

[[noreturn]] void timeout(const std::string& message) {
  throw UpstreamError(GH_ERROR_UPSTREAM_TIMEOUT, message);
}

std::string reasonOf(const Poco::Exception& error) {
  if (dynamic_cast<const Poco::Net::ConnectionRefusedException*>(&error) != nullptr) {
    return "Connection refused";
  }
  if (dynamic_cast<const Poco::Net::ConnectionResetException*>(&error) != nullptr) {
    return "Connection reset by peer";
  }
  return error.message().empty() ? std::string(error.name()) : error.message();
}

} // namespace

std::unique_ptr<UpstreamConnection> UpstreamConnector::open(const UpstreamTarget& target,
                                                            UpstreamClock::time_point deadline,
                                                            const std::string& timeoutText) const {
  const std::string& label = target.viaProxy ? proxy_.label() : target.authority;
  const std::string& host = target.viaProxy ? proxy_.host() : target.host;
  const std::uint16_t port = target.viaProxy ? proxy_.port() : target.port;

  Poco::Net::SocketAddress address;
  try {
    address = Poco::Net::SocketAddress(host, port);
  } catch (const Poco::Exception& error) {
    fail("could not resolve " + label + ": " + error.displayText()); // names the host, not the URL
  }
  Poco::Net::StreamSocket socket;
  try {
    if (remaining(deadline).count() <= 0) {
      timeout("could not connect to " + label + " within " + timeoutText);
    }
    socket.connect(address, asTimespan(remaining(deadline)));
    socket.setNoDelay(true);
  } catch (const Poco::TimeoutException&) {
    timeout("could not connect to " + label + " within " + timeoutText);
  } catch (const Poco::Exception& error) {
    fail("could not connect to " + label + ": " + reasonOf(error));
  }
  auto connection = std::make_unique<UpstreamConnection>(socket, false);
  if (target.viaProxy && target.tls) {
    tunnel(*connection, target, deadline, timeoutText);
  }
  if (!target.tls) {
    return connection;
  }

  const std::string& who = target.authority;
  try {
    Poco::Net::SecureStreamSocket secure = handshake(connection->release(), target.host, deadline);
    const std::string mismatch = tls_.checkHostName(secure, target.host);
    if (!mismatch.empty()) {
      fail("TLS handshake with " + who + " failed: " + mismatch);
    }
    return std::make_unique<UpstreamConnection>(secure, true);
  } catch (const Poco::TimeoutException&) {
    timeout("TLS handshake with " + who + " did not finish within " + timeoutText);
  } catch (const Poco::Exception& error) {
    const std::string_view refused = TlsClientContext::verifyFailure();
    if (!refused.empty()) {
      fail("TLS handshake with " + who + " failed: certificate verify failed (" + std::string(refused) + ")");
    }
    fail("TLS handshake with " + who + " failed: " + reasonOf(error));
  }
}

Poco::Net::SecureStreamSocket UpstreamConnector::handshake(const Poco::Net::StreamSocket& plain,
                                                           const std::string& host,
                                                           UpstreamClock::time_point deadline) const {
  // Non-blocking, so the deadline holds exactly: a blocking handshake would wait out the
  // socket timeout more than once before giving up.
  Poco::Net::StreamSocket socket = plain;
  socket.setBlocking(false);
  TlsClientContext::clearVerifyFailure();
  Poco::Net::SecureStreamSocket secure = Poco::Net::SecureStreamSocket::attach(socket, host, tls_.context());
  for (;;) {
    const int result = secure.completeHandshake();
    if (result == 1) {
      break;
    }
    const int mode = result == Poco::Net::SecureStreamSocket::ERR_SSL_WANT_WRITE
                         ? Poco::Net::Socket::SELECT_WRITE
                         : Poco::Net::Socket::SELECT_READ;
    if (result != Poco::Net::SecureStreamSocket::ERR_SSL_WANT_READ &&
        result != Poco::Net::SecureStreamSocket::ERR_SSL_WANT_WRITE) {
      throw Poco::Net::SSLException("handshake failed");
    }
    if (remaining(deadline).count() <= 0 || !secure.poll(asTimespan(remaining(deadline)), mode)) {
      throw Poco::TimeoutException();
    }
  }
  secure.setBlocking(true);
  return secure;
}

void UpstreamConnector::tunnel(UpstreamConnection& connection, const UpstreamTarget& target,
                               UpstreamClock::time_point deadline, const std::string& timeoutText) const {
  std::string request = "CONNECT " + target.authority + " HTTP/1.1\r\nHost: " + target.authority + "\r\n";
  request.append(proxy_.authorizationLine()).append("\r\n");
  const bool sent = connection.send(request, remaining(deadline));
  std::fill(request.begin(), request.end(), '\0'); // it may hold the proxy credentials
  if (!sent) {
    fail("could not connect to " + proxy_.label() + ": " + connection.error());
  }
  ResponseHead head;
  for (;;) {
    std::size_t consumed = 0;
    // "HEAD": a CONNECT reply has no body whatever its headers say.
    const ResponseHead::Parse parsed = head.parse(connection.buffered(), true, consumed);
    if (parsed == ResponseHead::Parse::Complete) {
      connection.consume(consumed);
      break;
    }
    if (parsed == ResponseHead::Parse::Invalid) {
      fail("invalid response from " + proxy_.label() + ": " + head.error());
    }
    switch (connection.fill(remaining(deadline))) {
    case UpstreamConnection::Read::Data: break;
    case UpstreamConnection::Read::Timeout:
      timeout("could not connect to " + target.authority + " through " + proxy_.label() + " within " +
              timeoutText);
    case UpstreamConnection::Read::End: fail(proxy_.label() + " closed the connection instead of tunnelling");
    case UpstreamConnection::Read::Failed:
      fail("could not connect to " + proxy_.label() + ": " + connection.error());
    }
  }
  if (head.status() < 200 || head.status() > 299) {
    fail(proxy_.label() + " refused to tunnel to " + target.authority + ": HTTP " +
         std::to_string(head.status()));
  }
}

} // namespace gatehouse
