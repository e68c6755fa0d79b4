// One client connection: reads requests one after another (keep-alive) and answers each.
#pragma once

#include <Poco/Net/TCPServerConnection.h>
#include <Poco/Net/TCPServerConnectionFactory.h>

namespace gatehouse::mock {

struct MockOptions;
class Router;

class MockConnection : public Poco::Net::TCPServerConnection {
public:
  MockConnection(const Poco::Net::StreamSocket& socket, const Router& router, const MockOptions& options);
  void run() override;

private:
  void answerBadRequest(int status, bool tls);

  const Router& router_;
  const MockOptions& options_;
};

class MockConnectionFactory : public Poco::Net::TCPServerConnectionFactory {
public:
  MockConnectionFactory(const Router& router, const MockOptions& options)
      : router_(router), options_(options) {}
  Poco::Net::TCPServerConnection* createConnection(const Poco::Net::StreamSocket& socket) override {
    return new MockConnection(socket, router_, options_);
  }

private:
  const Router& router_;
  const MockOptions& options_;
};

} // namespace gatehouse::mock
