#include <gatehouse/common/log.hpp>
#include <gatehouse/http/body_reader.hpp>
#include <gatehouse/http/content_type.hpp>
#include <gatehouse/http/error_writer.hpp>
#include <gatehouse/http/poco_client_request.hpp>
#include <gatehouse/http/poco_response_sink.hpp>
#include <gatehouse/http/request_dispatcher.hpp>
#include <gatehouse/http/request_id.hpp>
#include <gatehouse/http/text_sanitizer.hpp>

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <chrono>
#include <string>

namespace gatehouse::http {
namespace {

constexpr std::string_view kComponent = "http";

std::int64_t nowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

BodyFraming framingOf(const Poco::Net::HTTPServerRequest& request) {
  BodyFraming framing;
  framing.chunked = request.getChunkedTransferEncoding();
  if (!framing.chunked && request.hasContentLength()) {
    framing.contentLength = static_cast<std::uint64_t>(request.getContentLength64());
  }
  return framing;
}

bool hasBody(const BodyFraming& framing) {
  return framing.chunked || (framing.contentLength && *framing.contentLength > 0);
}

ApiError tooLarge(std::size_t limit) {
  return ApiError{413,
                  ErrorType::InvalidRequest,
                  "Request body is larger than the limit of " + std::to_string(limit) + " bytes.",
                  {},
                  "body_too_large"};
}

ApiError unsupportedMediaType(BodyPolicy policy) {
  return ApiError{415,
                  ErrorType::InvalidRequest,
                  policy == BodyPolicy::Multipart
                      ? "Content-Type must be multipart/form-data (with a boundary)."
                      : "Content-Type must be application/json (optionally with charset=utf-8).",
                  {},
                  "unsupported_media_type"};
}

bool acceptsContentType(BodyPolicy policy, std::string_view contentType) {
  return policy == BodyPolicy::Multipart ? isMultipartFormContentType(contentType)
                                         : isJsonContentType(contentType);
}

// Reads the body of a route that takes one (read once, here, and never copied again);
// on failure answers the client and returns false.
bool readRouteBody(Poco::Net::HTTPServerRequest& request, BodyPolicy policy, ResponseSink& sink,
                   std::size_t limit, std::string& body) {
  const BodyFraming framing = framingOf(request);
  if (declaredLengthExceeds(framing, limit)) {
    sink.closeConnection(); // the unread body would otherwise be parsed as the next request
    sendError(sink, tooLarge(limit));
    return false;
  }
  if (!acceptsContentType(policy, request.getContentType())) {
    if (hasBody(framing))
      sink.closeConnection();
    sendError(sink, unsupportedMediaType(policy));
    return false;
  }
  if (request.getExpectContinue())
    request.response().sendContinue();
  switch (readBody(request.stream(), framing, limit, body)) {
  case BodyStatus::Ok: return true;
  case BodyStatus::TooLarge:
    sink.closeConnection();
    sendError(sink, tooLarge(limit));
    return false;
  case BodyStatus::Truncated:
    sink.closeConnection();
    sendError(sink, badRequest("The request body ended before its declared length.", {}, "incomplete_body"));
    return false;
  }
  return false;
}

void answerUnroutable(const RouteMatch& match, std::string_view method, std::string_view path,
                      ResponseSink& sink) {
  if (match.kind == RouteMatch::Kind::WrongMethod) {
    sink.setHeader("Allow", match.allow);
    sendError(sink, ApiError{405,
                             ErrorType::InvalidRequest,
                             "Method " + sanitizeForMessage(method) + " is not allowed on " +
                                 sanitizeForMessage(path) + "; allowed: " + match.allow + ".",
                             {},
                             "method_not_allowed"});
    return;
  }
  sendError(sink,
            notFound("Unknown route: " + sanitizeForMessage(method) + " " + sanitizeForMessage(path) + ".",
                     "unknown_route"));
}

// The 500 for a handler that threw: a generic error response, an error event when an
// event stream had already started, or a cut connection for any other started stream
// (its body cannot carry an error). The detail stays in the log.
void answerFailure(PocoResponseSink& sink, const std::string& requestId) noexcept {
  try {
    if (!sink.started())
      sendError(sink, internalError(requestId));
    else if (sink.eventStream())
      sink.writeEvent(sseErrorEvent(internalError(requestId)));
    else
      sink.abort();
  } catch (...) {
    // Not even an error could be sent; the connection loop drops the connection.
  }
}

// Everything between "the request id is settled" and "a response went out".
void route(const Router& router, std::size_t maxBodyBytes, Poco::Net::HTTPServerRequest& request,
           std::string_view path, const std::string& requestId, PocoResponseSink& sink) {
  if (request.hasContentLength() && request.getContentLength64() < 0) {
    sink.closeConnection();
    sendError(sink, badRequest("Content-Length must not be negative.", {}, "malformed_request"));
    return;
  }
  const RouteMatch match = router.match(request.getMethod(), path);
  if (match.kind != RouteMatch::Kind::Found) {
    if (hasBody(framingOf(request)))
      sink.closeConnection();
    answerUnroutable(match, request.getMethod(), path, sink);
    return;
  }
  std::string body;
  if (match.route->body != BodyPolicy::None) {
    if (!readRouteBody(request, match.route->body, sink, maxBodyBytes, body))
      return;
  } else if (hasBody(framingOf(request))) {
    sink.closeConnection(); // the route takes no body, so it stays unread
  }
  PocoClientRequest client(request, path);
  IncomingRequest incoming{client, body, requestId, nowMs(), match.params};
  match.route->handler(incoming, sink);
  if (!sink.started()) {
    log::error(kComponent, "request " + requestId + ": handler sent no response");
    sendError(sink, internalError(requestId));
  }
}

} // namespace

void RequestDispatcher::dispatch(Poco::Net::HTTPServerRequest& request,
                                 Poco::Net::HTTPServerResponse& response) const noexcept {
  const auto started = std::chrono::steady_clock::now();
  std::string requestId;
  try {
    requestId = resolveRequestId(request.get("x-request-id", std::string()));
    response.set("x-request-id", requestId);
  } catch (...) {
    return; // out of memory for a 32-byte string: nothing sensible is left to do
  }
  // Our connection loop always builds an HTTPServerRequestImpl; the socket lets a failed
  // stream be cut off.
  auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
  PocoResponseSink sink(response, state_, impl != nullptr ? &impl->socket() : nullptr);
  const std::string_view path = pathOf(request.getURI());
  try {
    route(router_, maxBodyBytes_, request, path, requestId, sink);
  } catch (const std::exception& e) {
    log::error(kComponent, "request " + requestId + " failed: " + e.what());
    answerFailure(sink, requestId);
  } catch (...) {
    log::error(kComponent, "request " + requestId + " failed with a non-standard exception");
    answerFailure(sink, requestId);
  }
  if (log::enabled(log::Level::Debug)) {
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started)
            .count();
    log::debug(kComponent, sanitizeForMessage(request.getMethod()) + " " + sanitizeForMessage(path) + " " +
                               std::to_string(sink.status()) + " " + std::to_string(micros) +
                               "us id=" + requestId);
  }
}

} // namespace gatehouse::http
