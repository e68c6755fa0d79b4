#include <gatehouse/http/poco_response_sink.hpp>
#include <gatehouse/http/server_state.hpp>

#include <Poco/Exception.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <ostream>
#include <string>

namespace gatehouse::http {

void PocoResponseSink::setHeader(std::string_view name, std::string_view value) {
  if (started_)
    return;
  response_.set(std::string(name), std::string(value));
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

bool PocoResponseSink::beginEventStream() {
  if (started_)
    return !broken_ && stream_ != nullptr;
  prepareHeaders(200);
  response_.setContentType("text/event-stream");
  response_.set("Cache-Control", "no-cache");
  response_.setChunkedTransferEncoding(true);
  try {
    stream_ = &response_.send();
    stream_->flush();
  } catch (const std::exception&) {
    broken_ = true;
  }
  broken_ = broken_ || stream_ == nullptr || !stream_->good();
  return !broken_;
}

bool PocoResponseSink::writeEvent(std::string_view framedBytes) {
  if (broken_ || stream_ == nullptr)
    return false;
  try {
    stream_->write(framedBytes.data(), static_cast<std::streamsize>(framedBytes.size()));
    stream_->flush();
  } catch (const std::exception&) {
    broken_ = true;
  }
  broken_ = broken_ || !stream_->good();
  return !broken_;
}

} // namespace gatehouse::http
