// POCO's server session, waiting for the next request with one poll(2) (socket_wait.hpp)
// instead of Socket::poll's four system calls. Same rules as HTTPServerSession::
// hasMoreRequests: the first request may take the receive timeout to arrive, each later one
// the keep-alive timeout, and at most max_keep_alive_requests are served (0: no limit).
#pragma once

#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerSession.h>

namespace gatehouse::http {

class KeepAliveSession final : public Poco::Net::HTTPServerSession {
public:
  KeepAliveSession(const Poco::Net::StreamSocket& socket, const Poco::Net::HTTPServerParams::Ptr& params);

  // True when a request (or the client's close, which the parser then reports) is waiting;
  // false when the wait timed out, keep-alive ended or the request budget is used up.
  bool awaitRequest();
  // Whether the connection may serve another request after the current one.
  bool requestsLeft() const { return requestsLeft_ != 0; }

private:
  Poco::Timespan keepAliveTimeout_;
  int requestsLeft_; // negative: no limit
  bool first_ = true;
};

} // namespace gatehouse::http
