// ResponseSink over a POCO server response.
#pragma once

#include <gatehouse/http/response_sink.hpp>

#include <iosfwd>

namespace Poco::Net {
class HTTPServerResponse;
}

namespace gatehouse::http {

class ServerState;

class PocoResponseSink final : public ResponseSink {
public:
  // With `state`, a response that starts while the server drains says Connection: close.
  explicit PocoResponseSink(Poco::Net::HTTPServerResponse& response, const ServerState* state = nullptr)
      : response_(response), state_(state) {}

  bool started() const override { return started_; }
  void setHeader(std::string_view name, std::string_view value) override;
  void closeConnection() override;
  void send(int status, std::string_view contentType, std::string_view body) override;
  bool beginEventStream() override;
  bool writeEvent(std::string_view framedBytes) override;

  int status() const { return status_; }

private:
  void prepareHeaders(int status);

  Poco::Net::HTTPServerResponse& response_;
  const ServerState* state_;
  std::ostream* stream_ = nullptr;
  bool started_ = false;
  bool broken_ = false;
  int status_ = 0;
};

} // namespace gatehouse::http
