// The upstream client over TLS against the mock upstream: trust anchors, host names,
// verify_tls=false, keep-alive and streaming through TLS.
#include <gatehouse/testing/mock_upstream_process.hpp>
#include <gatehouse/testing/test_certs.hpp>
#include <gatehouse/upstream/pooled_upstream_client.hpp>
#include <gatehouse/upstream/upstream_client_factory.hpp>

#include <gtest/gtest.h>

#include <stdexcept>

#include "client_test_support.hpp"
#include "scripted_server.hpp"

namespace gatehouse::testing {
namespace {

class ClientOverTls : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    MockUpstreamOptions tls;
    tls.tls = true;
    mock_ = new MockUpstreamProcess(tls);
    // Same test CA, but the certificate names only wrong-host.invalid.
    MockUpstreamOptions wrongHost;
    wrongHost.extraArgs = {"--tls-cert", TestCerts::directory() + "/wrong-host.pem", "--tls-key",
                           TestCerts::directory() + "/wrong-host.key"};
    wrongHostMock_ = new MockUpstreamProcess(wrongHost);
  }
  static void TearDownTestSuite() {
    delete mock_;
    delete wrongHostMock_;
  }

  static UpstreamConfig trustingTestCa() {
    UpstreamConfig config = testConfig();
    config.caFile = TestCerts::caFile();
    return config;
  }
  static std::string base() { return mock_->baseUrl(); }
  static std::string authority() { return "127.0.0.1:" + std::to_string(mock_->port()); }
  static std::string wrongHostBase() { return "https://127.0.0.1:" + std::to_string(wrongHostMock_->port()); }

  static MockUpstreamProcess* mock_;
  static MockUpstreamProcess* wrongHostMock_;
};

MockUpstreamProcess* ClientOverTls::mock_ = nullptr;
MockUpstreamProcess* ClientOverTls::wrongHostMock_ = nullptr;

TEST_F(ClientOverTls, TrustsTheConfiguredCaFile) {
  ASSERT_EQ(base().rfind("https://", 0), 0u);
  auto client = makeUpstreamClient(trustingTestCa(), "tls");
  Sent sent = send(*client, chatRequest(base(), false));
  ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
  std::string body;
  UpstreamFailure failure;
  ASSERT_EQ(sent.response->readBody(body, failure), GH_OK) << failure.message;
  EXPECT_NE(body.find("Echo: hello"), std::string::npos);
}

TEST_F(ClientOverTls, HostNameFromTheCertificatesDnsNames) {
  auto client = makeUpstreamClient(trustingTestCa(), "tls");
  Sent sent = send(*client, chatRequest("https://localhost:" + std::to_string(mock_->port()), false));
  EXPECT_EQ(sent.status, GH_OK) << sent.failure.message;
}

TEST_F(ClientOverTls, StreamsAndKeepsTheConnection) {
  auto client = std::make_shared<PooledUpstreamClient>(trustingTestCa(), "tls");
  for (int i = 0; i < 3; ++i) {
    Sent sent = send(*client, chatRequest(base(), true, "chunks:20"));
    ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
    int events = 0;
    UpstreamFailure failure;
    for (;;) {
      SseEventView event;
      ASSERT_EQ(sent.response->nextEvent(event, failure), GH_OK) << failure.message;
      if (event.end) {
        break;
      }
      ++events;
    }
    EXPECT_EQ(events, 23);
  }
  EXPECT_EQ(client->openConnections(base() + "/"), 1u);
}

TEST_F(ClientOverTls, IdleTimeoutAppliesOverTls) {
  UpstreamConfig config = trustingTestCa();
  config.idleTimeoutMs = 200;
  auto client = makeUpstreamClient(config, "tls");
  Sent sent = send(*client, chatRequest(base(), true, "chunks:3,drip:3000"));
  ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
  std::string body;
  UpstreamFailure failure;
  EXPECT_EQ(sent.response->readBody(body, failure), GH_ERROR_UPSTREAM_TIMEOUT);
  EXPECT_EQ(failure.message, "upstream " + authority() + " sent nothing for 200 ms");
}

TEST_F(ClientOverTls, SystemCasDoNotTrustTheTestCa) {
  auto client = makeUpstreamClient(testConfig(), "tls");
  Sent sent = send(*client, chatRequest(base(), false));
  EXPECT_EQ(sent.status, GH_ERROR_UPSTREAM);
  EXPECT_EQ(sent.failure.message,
            "TLS handshake with " + authority() +
                " failed: certificate verify failed (unable to get local issuer certificate)");
}

TEST_F(ClientOverTls, AnUnrelatedCaIsRefused) {
  UpstreamConfig config = testConfig();
  config.caFile = TestCerts::otherCaFile();
  auto client = makeUpstreamClient(config, "tls");
  Sent sent = send(*client, chatRequest(base(), false));
  EXPECT_EQ(sent.status, GH_ERROR_UPSTREAM);
  EXPECT_EQ(sent.failure.message.rfind(
                "TLS handshake with " + authority() + " failed: certificate verify failed", 0),
            0u)
      << sent.failure.message;
}

TEST_F(ClientOverTls, CertificateForAnotherHostIsRefused) {
  auto client = makeUpstreamClient(trustingTestCa(), "tls");
  Sent sent = send(*client, chatRequest(wrongHostBase(), false));
  EXPECT_EQ(sent.status, GH_ERROR_UPSTREAM);
  EXPECT_EQ(sent.failure.message, "TLS handshake with 127.0.0.1:" + std::to_string(wrongHostMock_->port()) +
                                      " failed: the certificate is not valid for 127.0.0.1");
}

TEST_F(ClientOverTls, VerifyTlsOffAcceptsAnyCertificate) {
  UpstreamConfig config = testConfig();
  config.verifyTls = false;
  auto client = makeUpstreamClient(config, "tls");
  EXPECT_EQ(send(*client, chatRequest(wrongHostBase(), false)).status, GH_OK);
  EXPECT_EQ(send(*client, chatRequest(base(), false)).status, GH_OK); // unknown issuer too
}

TEST_F(ClientOverTls, PlainHttpToATlsPortIsAnUpstreamError) {
  auto client = makeUpstreamClient(trustingTestCa(), "tls");
  Sent sent = send(*client, chatRequest("http://127.0.0.1:" + std::to_string(mock_->port()), false));
  EXPECT_EQ(sent.status, GH_ERROR_UPSTREAM);
}

TEST(ClientTlsHandshake, ServerThatNeverAnswersTheHandshakeTimesOut) {
  ScriptedServer silent(
      [](ServerConnection& connection) { connection.waitForClose(std::chrono::seconds(5)); });
  UpstreamConfig config = testConfig();
  config.connectTimeoutMs = 200;
  config.caFile = TestCerts::caFile();
  auto client = makeUpstreamClient(config, "tls");
  const std::string authority = "127.0.0.1:" + std::to_string(silent.port());
  const auto start = std::chrono::steady_clock::now();
  Sent sent = send(*client, chatRequest("https://" + authority, false));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_EQ(sent.status, GH_ERROR_UPSTREAM_TIMEOUT);
  EXPECT_EQ(sent.failure.message, "TLS handshake with " + authority + " did not finish within 200 ms");
}

TEST(ClientTlsConfig, UnreadableCaFileIsRefusedAtConstruction) {
  UpstreamConfig config;
  config.caFile = "/nonexistent/gatehouse-ca.pem";
  try {
    makeUpstreamClient(config, "corp");
    FAIL() << "accepted";
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "provider corp: cannot read ca_file /nonexistent/gatehouse-ca.pem");
  }
}

TEST(ClientTlsConfig, CaFileThatIsNotPemIsRefusedAtConstruction) {
  UpstreamConfig config;
  config.caFile = TestCerts::directory() + "/server.key"; // readable, but no certificate in it
  EXPECT_THROW(makeUpstreamClient(config, "corp"), std::runtime_error);
}

} // namespace
} // namespace gatehouse::testing
