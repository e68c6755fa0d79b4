#include <gatehouse/common/socket_wait.hpp>
#include <gatehouse/http/keep_alive_session.hpp>

#include <chrono>

namespace gatehouse::http {
namespace {

std::chrono::milliseconds asMilliseconds(const Poco::Timespan& span) {
  return std::chrono::milliseconds(span.totalMilliseconds());
}

} // namespace

KeepAliveSession::KeepAliveSession(const Poco::Net::StreamSocket& socket,
                                   const Poco::Net::HTTPServerParams::Ptr& params)
    : HTTPServerSession(socket, params), keepAliveTimeout_(params->getKeepAliveTimeout()),
      requestsLeft_(params->getMaxKeepAliveRequests() > 0 ? params->getMaxKeepAliveRequests() : -1) {
}

bool KeepAliveSession::awaitRequest() {
  if (!socket().impl()->initialized())
    return false;
  Poco::Timespan timeout = getTimeout();
  if (!first_) {
    if (requestsLeft_ == 0 || !getKeepAlive())
      return false;
    timeout = keepAliveTimeout_;
  }
  first_ = false;
  if (requestsLeft_ > 0)
    --requestsLeft_;
  // Bytes already read past the previous request are the start of the next one.
  return buffered() > 0 ||
         waitReadable(socket().impl()->sockfd(), asMilliseconds(timeout)) == SocketWait::Readable;
}

} // namespace gatehouse::http
