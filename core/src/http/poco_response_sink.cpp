#include <gatehouse/http/poco_response_sink.hpp>
#include <gatehouse/http/server_state.hpp>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/StreamSocket.h>

#include <ostream>
#include <string>

namespace gatehouse::http {

void PocoResponseSink::setHeader(std::string_view name, std::string_view value) {
  if (started_)
    return;
  response_.set(std::string(name), std::string(value));
}

void PocoResponseSink::addHeader(std::string_view name, std::string_view value) {
  if (started_)
    return;
  response_.add(std::string(name), std::string(value));
}

void PocoResponseSink::closeConnection() {
  if (started_)
    return;
  response_.setKeepAlive(false);
}

void PocoResponseSink::prepareHeaders(int status) {
  started_ = true;
  status_ = status;
  response_.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(status));
  // The decision to keep the connection was taken when the request arrived; a drain
  // that began since must still close it, and the client should hear so.
  if (state_ != nullptr && state_->draining())
    response_.setKeepAlive(false);
}

void PocoResponseSink::send(int status, std::string_view contentType, std::string_view body) {
  if (started_)
    return;
  prepareHeaders(status);
  response_.setContentType(std::string(contentType));
  response_.setContentLength64(static_cast<Poco::Int64>(body.size()));
  try {
    // Not sendBuffer(): it drops the body on a response with no request attached,
    // which is what answering an unparsable request uses.
    std::ostream& out = response_.send();
    out.write(body.data(), static_cast<std::streamsize>(body.size()));
    out.flush();
    broken_ = !out.good();
  } catch (const std::exception&) {
    // The client hung up; there is nobody left to tell.
    broken_ = true;
  }
}

bool PocoResponseSink::beginStream(int status, std::string_view contentType) {
  if (started_)
    return !broken_ && stream_ != nullptr;
  prepareHeaders(status);
  response_.setContentType(std::string(contentType));
  response_.setChunkedTransferEncoding(true);
  eventStream_ = contentType == "text/event-stream";
  try {
    stream_ = &response_.send();
    stream_->flush();
  } catch (const std::exception&) {
    broken_ = true;
  }
  broken_ = broken_ || stream_ == nullptr || !stream_->good();
  return !broken_;
}

bool PocoResponseSink::writeBody(std::string_view bytes) {
  if (broken_ || stream_ == nullptr)
    return false;
  // An empty write would flush nothing; never let it look like the terminating chunk.
  if (bytes.empty())
    return true;
  try {
    stream_->write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    stream_->flush();
  } catch (const std::exception&) {
    broken_ = true;
  }
  broken_ = broken_ || !stream_->good();
  return !broken_;
}

void PocoResponseSink::abort() {
  if (!started_ || stream_ == nullptr)
    return;
  broken_ = true;
  // Ends the keep-alive loop after this response; the terminating chunk that POCO writes
  // when the response goes away then fails on the shut socket, which is the point.
  response_.setKeepAlive(false);
  if (socket_ == nullptr)
    return;
  try {
    socket_->shutdown();
  } catch (const std::exception&) {
    // Already gone: the client sees the cut either way.
  }
}

} // namespace gatehouse::http
