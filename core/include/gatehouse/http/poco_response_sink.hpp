// ResponseSink over a POCO server response.
#pragma once

#include <gatehouse/http/response_sink.hpp>

#include <iosfwd>

namespace Poco::Net {
class HTTPServerResponse;
class StreamSocket;
} // namespace Poco::Net

namespace gatehouse::http {

class ServerState;

class PocoResponseSink final : public ResponseSink {
public:
  // With `state`, a response that starts while the server drains says Connection: close.
  // `socket` (the connection's) is what abort() cuts; without it abort() only stops
  // writing and keep-alive.
  explicit PocoResponseSink(Poco::Net::HTTPServerResponse& response, const ServerState* state = nullptr,
                            Poco::Net::StreamSocket* socket = nullptr)
      : response_(response), state_(state), socket_(socket) {}

  bool started() const override { return started_; }
  void setHeader(std::string_view name, std::string_view value) override;
  void addHeader(std::string_view name, std::string_view value) override;
  void closeConnection() override;
  void send(int status, std::string_view contentType, std::string_view body) override;
  bool beginStream(int status, std::string_view contentType) override;
  bool writeBody(std::string_view bytes) override;
  void abort() override;

  int status() const { return status_; }
  // True once a text/event-stream response started.
  bool eventStream() const { return eventStream_; }

private:
  void prepareHeaders(int status);

  Poco::Net::HTTPServerResponse& response_;
  const ServerState* state_;
  Poco::Net::StreamSocket* socket_;
  std::ostream* stream_ = nullptr;
  bool started_ = false;
  bool broken_ = false;
  bool eventStream_ = false;
  int status_ = 0;
};

} // namespace gatehouse::http
