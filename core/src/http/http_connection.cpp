#include <gatehouse/http/error_writer.hpp>
#include <gatehouse/http/http_connection.hpp>
#include <gatehouse/http/keep_alive_session.hpp>
#include <gatehouse/http/poco_response_sink.hpp>
#include <gatehouse/http/request_id.hpp>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponseImpl.h>
#include <Poco/Net/HTTPServerSession.h>
#include <Poco/Net/NetException.h>
#include <Poco/Timestamp.h>

#include <memory>
#include <optional>

namespace gatehouse::http {
namespace {

// Marks the connection busy and the request in flight for exactly as long as a
// request is being served, whatever way the serving ends.
class BusyScope {
public:
  BusyScope(std::atomic<bool>& busy, ServerState& state) : busy_(busy), state_(state) {
    busy_.store(true, std::memory_order_release);
    state_.requestStarted();
  }
  ~BusyScope() {
    state_.requestFinished();
    busy_.store(false, std::memory_order_release);
  }
  BusyScope(const BusyScope&) = delete;
  BusyScope& operator=(const BusyScope&) = delete;

private:
  std::atomic<bool>& busy_;
  ServerState& state_;
};

class RegistrationScope {
public:
  RegistrationScope(ServerState& state, TrackedConnection& connection)
      : state_(state), connection_(connection) {
    state_.connectionOpened(connection_);
  }
  ~RegistrationScope() { state_.connectionClosed(connection_); }
  RegistrationScope(const RegistrationScope&) = delete;
  RegistrationScope& operator=(const RegistrationScope&) = delete;

private:
  ServerState& state_;
  TrackedConnection& connection_;
};

// POCO reports every header problem as a MessageException; only its text tells an
// oversized value or too many fields (431) from a malformed line (400).
bool isHeaderSizeProblem(const Poco::Exception& e) {
  const std::string& text = e.message();
  return text.rfind("Field value too long", 0) == 0 || text.rfind("Folded field value too long", 0) == 0 ||
         text.find("Too many header fields") != std::string::npos;
}

// Answers a request that could not be parsed, on a fresh response object (the one
// the failed request was attached to must not be used), and ends the connection.
void answerUnparsable(Poco::Net::HTTPServerSession& session, const ApiError& error) {
  try {
    Poco::Net::HTTPServerResponseImpl response(session);
    response.setVersion(Poco::Net::HTTPMessage::HTTP_1_1);
    response.setKeepAlive(false);
    response.set("x-request-id", generateRequestId());
    PocoResponseSink sink(response);
    sendError(sink, error);
  } catch (...) {
    // The peer is gone or the socket broke: nobody is left to answer.
  }
  session.setKeepAlive(false);
}

std::optional<ApiError> classifyParseFailure(const Poco::Exception& e) {
  if (dynamic_cast<const Poco::Net::NoMessageException*>(&e))
    return std::nullopt; // clean close
  if (dynamic_cast<const Poco::Net::MessageException*>(&e)) {
    if (isHeaderSizeProblem(e)) {
      return ApiError{
          431, ErrorType::InvalidRequest, "Request header fields are too large.", {}, "header_too_large"};
    }
    return badRequest("Malformed HTTP request.", {}, "malformed_request");
  }
  if (dynamic_cast<const Poco::TimeoutException*>(&e)) {
    return ApiError{
        408, ErrorType::InvalidRequest, "Timed out waiting for the request.", {}, "request_timeout"};
  }
  if (dynamic_cast<const Poco::Net::NetException*>(&e))
    return std::nullopt; // the socket itself failed
  // e.g. a Content-Length that is not a number
  return badRequest("Malformed HTTP request.", {}, "malformed_request");
}

} // namespace

HttpConnection::HttpConnection(const Poco::Net::StreamSocket& socket, Poco::Net::HTTPServerParams::Ptr params,
                               const RequestDispatcher& dispatcher, ServerState& state)
    : TCPServerConnection(socket), params_(std::move(params)), dispatcher_(dispatcher), state_(state) {
}

void HttpConnection::interruptIdle() {
  try {
    socket().shutdownReceive();
  } catch (...) {
    // Already closed by the peer: nothing to interrupt.
  }
}

void HttpConnection::run() {
  RegistrationScope registration(state_, *this);
  try {
    KeepAliveSession session(socket(), params_);
    while (!state_.stopping() && session.awaitRequest()) {
      Poco::Net::HTTPServerResponseImpl response(session);
      std::unique_ptr<Poco::Net::HTTPServerRequestImpl> request;
      try {
        request = std::make_unique<Poco::Net::HTTPServerRequestImpl>(response, session, params_.get());
      } catch (const Poco::Exception& e) {
        if (auto error = classifyParseFailure(e))
          answerUnparsable(session, *error);
        break;
      }
      BusyScope busy(busy_, state_);
      response.setDate(Poco::Timestamp());
      response.setVersion(request->getVersion());
      response.setKeepAlive(params_->getKeepAlive() && request->getKeepAlive() && session.requestsLeft() &&
                            !state_.draining());
      dispatcher_.dispatch(*request, response);
      session.setKeepAlive(params_->getKeepAlive() && response.getKeepAlive() && session.requestsLeft() &&
                           !state_.draining());
    }
  } catch (...) {
    // A broken socket ends this connection only; the server goes on serving others.
  }
}

} // namespace gatehouse::http
