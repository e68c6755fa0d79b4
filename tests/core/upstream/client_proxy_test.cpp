// The upstream client through an HTTP proxy: absolute-form requests for http://, CONNECT
// tunnels for https://, Proxy-Authorization, no_proxy.
#include <gatehouse/testing/free_port.hpp>
#include <gatehouse/testing/mock_upstream_process.hpp>
#include <gatehouse/testing/test_certs.hpp>
#include <gatehouse/testing/test_proxy.hpp>
#include <gatehouse/upstream/upstream_client_factory.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>

#include "client_test_support.hpp"

namespace gatehouse::testing {
namespace {

// base64("gw:pr0xy-pass")
constexpr const char* kExpectedAuthorization = "Basic Z3c6cHIweHktcGFzcw==";

class ClientThroughProxy : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    ::setenv("GH_UPSTREAM_TEST_PROXY_PASSWORD", "pr0xy-pass", 1);
    plain_ = new MockUpstreamProcess();
    MockUpstreamOptions tls;
    tls.tls = true;
    tls_ = new MockUpstreamProcess(tls);
  }
  static void TearDownTestSuite() {
    delete plain_;
    delete tls_;
  }

  static UpstreamConfig viaProxy(const TestProxy& proxy, const std::string& passwordRef) {
    UpstreamConfig config = testConfig();
    config.caFile = TestCerts::caFile();
    config.proxy = proxy.url();
    config.proxyUser = "gw";
    config.proxyPasswordRef = passwordRef;
    return config;
  }

  static std::string readWhole(Sent& sent) {
    std::string body;
    UpstreamFailure failure;
    EXPECT_EQ(sent.response->readBody(body, failure), GH_OK) << failure.message;
    return body;
  }

  static MockUpstreamProcess* plain_;
  static MockUpstreamProcess* tls_;
};

MockUpstreamProcess* ClientThroughProxy::plain_ = nullptr;
MockUpstreamProcess* ClientThroughProxy::tls_ = nullptr;

TEST_F(ClientThroughProxy, PlainHttpGoesAsAnAbsoluteFormRequest) {
  TestProxy proxy(kExpectedAuthorization);
  auto client = makeUpstreamClient(viaProxy(proxy, "env:GH_UPSTREAM_TEST_PROXY_PASSWORD"), "p");
  Sent sent = send(*client, chatRequest(plain_->baseUrl(), false));
  ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
  EXPECT_EQ(sent.response->status(), 200);
  EXPECT_NE(readWhole(sent).find("Echo: hello"), std::string::npos);
  const auto seen = proxy.requests();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].method, "POST");
  EXPECT_EQ(seen[0].target, plain_->baseUrl() + "/v1/chat/completions");
  EXPECT_EQ(seen[0].proxyAuthorization, kExpectedAuthorization);
}

TEST_F(ClientThroughProxy, HttpsGoesThroughAConnectTunnel) {
  TestProxy proxy(kExpectedAuthorization);
  auto client = makeUpstreamClient(viaProxy(proxy, "env:GH_UPSTREAM_TEST_PROXY_PASSWORD"), "p");
  Sent sent = send(*client, chatRequest(tls_->baseUrl(), true, "chunks:2"));
  ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
  const std::string body = readWhole(sent);
  EXPECT_EQ(body.substr(body.size() - 14), "data: [DONE]\n\n");
  sent.response.reset();
  // The tunnel is a kept-alive TLS connection: a second request does not CONNECT again.
  Sent again = send(*client, chatRequest(tls_->baseUrl(), false));
  ASSERT_EQ(again.status, GH_OK) << again.failure.message;
  readWhole(again);
  const auto seen = proxy.requests();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0].method, "CONNECT");
  EXPECT_EQ(seen[0].target, "127.0.0.1:" + std::to_string(tls_->port()));
  EXPECT_EQ(seen[0].proxyAuthorization, kExpectedAuthorization);
}

TEST_F(ClientThroughProxy, RefusedTunnelNamesTheProxyAndItsStatus) {
  TestProxy proxy("Basic c29tZW9uZTplbHNl");
  auto client = makeUpstreamClient(viaProxy(proxy, "env:GH_UPSTREAM_TEST_PROXY_PASSWORD"), "p");
  Sent sent = send(*client, chatRequest(tls_->baseUrl(), false));
  EXPECT_EQ(sent.status, GH_ERROR_UPSTREAM);
  EXPECT_EQ(sent.failure.message, "proxy 127.0.0.1:" + std::to_string(proxy.port()) +
                                      " refused to tunnel to 127.0.0.1:" + std::to_string(tls_->port()) +
                                      ": HTTP 407");
  EXPECT_EQ(sent.failure.message.find("pr0xy-pass"), std::string::npos);
}

TEST_F(ClientThroughProxy, PlainHttpProxyRefusalIsTheResponse) {
  TestProxy proxy("Basic c29tZW9uZTplbHNl");
  auto client = makeUpstreamClient(viaProxy(proxy, "env:GH_UPSTREAM_TEST_PROXY_PASSWORD"), "p");
  Sent sent = send(*client, chatRequest(plain_->baseUrl(), false));
  ASSERT_EQ(sent.status, GH_OK) << sent.failure.message;
  EXPECT_EQ(sent.response->status(), 407);
}

TEST_F(ClientThroughProxy, NoProxyHostsGoDirect) {
  TestProxy proxy;
  UpstreamConfig config = viaProxy(proxy, "");
  config.noProxy = {"localhost", "127.0.0.1"};
  auto client = makeUpstreamClient(config, "p");
  Sent plain = send(*client, chatRequest(plain_->baseUrl(), false));
  ASSERT_EQ(plain.status, GH_OK) << plain.failure.message;
  readWhole(plain);
  Sent tls = send(*client, chatRequest(tls_->baseUrl(), false));
  ASSERT_EQ(tls.status, GH_OK) << tls.failure.message;
  readWhole(tls);
  EXPECT_EQ(proxy.connections(), 0u);
}

TEST_F(ClientThroughProxy, ProxyDownNamesTheProxy) {
  const std::uint16_t port = pickFreeLoopbackPort();
  UpstreamConfig config = testConfig();
  config.proxy = "http://127.0.0.1:" + std::to_string(port);
  auto client = makeUpstreamClient(config, "p");
  Sent sent = send(*client, chatRequest(plain_->baseUrl(), false));
  EXPECT_EQ(sent.status, GH_ERROR_UPSTREAM);
  EXPECT_EQ(sent.failure.message,
            "could not connect to proxy 127.0.0.1:" + std::to_string(port) + ": Connection refused");
}

TEST(ClientProxyConfig, UnresolvablePasswordIsRefusedAtConstruction) {
  UpstreamConfig config;
  config.proxy = "http://127.0.0.1:3128";
  config.proxyUser = "gw";
  config.proxyPasswordRef = "env:GH_UPSTREAM_TEST_UNSET_VARIABLE";
  try {
    makeUpstreamClient(config, "corp");
    FAIL() << "accepted";
  } catch (const std::runtime_error& error) {
    const std::string message = error.what();
    EXPECT_EQ(message.rfind("provider corp: upstream.proxy_password: ", 0), 0u) << message;
    EXPECT_NE(message.find("env:GH_UPSTREAM_TEST_UNSET_VARIABLE"), std::string::npos) << message;
  }
}

} // namespace
} // namespace gatehouse::testing
