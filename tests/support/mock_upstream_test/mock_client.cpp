#include "mock_client.hpp"

#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/Net/RejectCertificateHandler.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/StreamCopier.h>

#include <algorithm>
#include <cctype>
#include <mutex>

namespace gatehouse::mock::test {

std::string HttpReply::header(const std::string& lowerName) const {
  for (const auto& [name, value] : headers) {
    if (name == lowerName)
      return value;
  }
  return {};
}

Poco::Net::Context::Ptr clientTlsContext(const std::string& caFile) {
  static std::once_flag initialized;
  std::call_once(initialized, [] {
    Poco::Net::initializeSSL();
    // A certificate that fails verification must fail the handshake, not ask anyone.
    Poco::Net::SSLManager::InvalidCertificateHandlerPtr reject =
        new Poco::Net::RejectCertificateHandler(false);
    Poco::Net::SSLManager::instance().initializeClient(nullptr, reject, nullptr);
  });
  return new Poco::Net::Context(Poco::Net::Context::CLIENT_USE, "", "", caFile,
                                Poco::Net::Context::VERIFY_STRICT, 9, false,
                                "ALL:!ADH:!LOW:!EXP:!MD5:@STRENGTH");
}

MockClient::MockClient(const testing::MockUpstreamProcess& mock, Poco::Net::Context::Ptr tls) {
  if (tls)
    session_ = std::make_unique<Poco::Net::HTTPSClientSession>(mock.host(), mock.port(), tls);
  else
    session_ = std::make_unique<Poco::Net::HTTPClientSession>(mock.host(), mock.port());
  session_->setKeepAlive(true);
  session_->setTimeout(Poco::Timespan(20, 0));
}

HttpReply MockClient::send(const std::string& method, const std::string& target, const std::string& body,
                           const Headers& headers, const std::string& contentType) {
  Poco::Net::HTTPRequest request(method, target, Poco::Net::HTTPMessage::HTTP_1_1);
  request.setKeepAlive(true);
  for (const auto& [name, value] : headers)
    request.set(name, value);
  if (!body.empty() || method == "POST") {
    request.setContentType(contentType);
    request.setContentLength(static_cast<std::streamsize>(body.size()));
  }
  session_->sendRequest(request) << body;
  Poco::Net::HTTPResponse response;
  auto& stream = session_->receiveResponse(response);
  HttpReply reply;
  reply.status = static_cast<int>(response.getStatus());
  for (const auto& [name, value] : response) {
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    reply.headers.emplace_back(lower, value);
  }
  Poco::StreamCopier::copyToString(stream, reply.body);
  return reply;
}

Headers openAiAuth(const std::string& key) {
  return {{"Authorization", "Bearer " + key}};
}
Headers anthropicAuth(const std::string& key) {
  return {{"x-api-key", key}, {"anthropic-version", "2023-06-01"}};
}
Headers geminiAuth(const std::string& key) {
  return {{"x-goog-api-key", key}};
}

} // namespace gatehouse::mock::test
