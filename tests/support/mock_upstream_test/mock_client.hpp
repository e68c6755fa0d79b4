// Talks to a running mock upstream the way a client library would: POCO's HTTP(S) client
// on one keep-alive session.
#pragma once

#include <gatehouse/testing/mock_upstream_process.hpp>

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPClientSession.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace gatehouse::mock::test {

using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpReply {
  int status = 0;
  Headers headers; // names lower-cased
  std::string body;
  std::string header(const std::string& lowerName) const;
};

// A client context that trusts only `caFile` and checks the host name strictly.
Poco::Net::Context::Ptr clientTlsContext(const std::string& caFile);

class MockClient {
public:
  explicit MockClient(const testing::MockUpstreamProcess& mock, Poco::Net::Context::Ptr tls = nullptr);

  HttpReply send(const std::string& method, const std::string& target, const std::string& body,
                 const Headers& headers = {}, const std::string& contentType = "application/json");
  HttpReply post(const std::string& target, const std::string& body, const Headers& headers = {}) {
    return send("POST", target, body, headers);
  }
  HttpReply get(const std::string& target, const Headers& headers = {}) {
    return send("GET", target, "", headers);
  }

  Poco::Net::HTTPClientSession& session() { return *session_; }

private:
  std::unique_ptr<Poco::Net::HTTPClientSession> session_;
};

// Credentials every provider accepts when the mock runs without --expect-key.
Headers openAiAuth(const std::string& key = "sk-test");
Headers anthropicAuth(const std::string& key = "sk-ant-test");
Headers geminiAuth(const std::string& key = "gemini-test");

} // namespace gatehouse::mock::test
