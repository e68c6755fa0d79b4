// PluginHttp: the client behind a plugin's http_send is made once, on first use, from the
// plugin's upstream settings, and a setting it cannot use is a config error that is retried.
// The real client (makeUpstreamClient) against the project's mock upstream on loopback.
#include <gatehouse/plugin_host/plugin_http.hpp>
#include <gatehouse/upstream/upstream_client_factory.hpp>
#include <gatehouse/testing/mock_upstream_process.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "fake_upstream_client.hpp"

namespace gatehouse {
namespace {

using host_testing::FakeUpstreamClient;
using testing::MockUpstreamProcess;

UpstreamRequest getRequest(const std::string& url) {
  UpstreamRequest request;
  request.method = "GET";
  request.url = url;
  return request;
}

TEST(PluginHttp, MakesNoClientUntilTheFirstSend) {
  std::atomic<int> made{0};
  auto client = std::make_shared<FakeUpstreamClient>();
  UpstreamConfig config;
  config.connectTimeoutMs = 1234;
  PluginHttp http(config, "plugin 'p'", [&](const UpstreamConfig& given, std::string label) {
    ++made;
    EXPECT_EQ(given.connectTimeoutMs, 1234);
    EXPECT_EQ(label, "plugin 'p'");
    return client;
  });
  EXPECT_FALSE(http.hasClient());
  EXPECT_EQ(made, 0);
  client->willRespond(200);
  std::unique_ptr<UpstreamResponse> response;
  UpstreamFailure failure;
  ASSERT_EQ(http.send(getRequest("http://127.0.0.1:1/x"), response, failure), GH_OK);
  EXPECT_TRUE(http.hasClient());
  EXPECT_EQ(made, 1);
}

TEST(PluginHttp, ConcurrentFirstSendsMakeOneClient) {
  std::atomic<int> made{0};
  auto client = std::make_shared<FakeUpstreamClient>();
  for (int i = 0; i < 8; ++i) {
    client->willRespond(200);
  }
  PluginHttp http(UpstreamConfig{}, "plugin 'p'", [&](const UpstreamConfig&, std::string) {
    ++made;
    return client;
  });
  std::vector<std::thread> senders;
  std::atomic<int> ok{0};
  for (int i = 0; i < 8; ++i) {
    senders.emplace_back([&] {
      std::unique_ptr<UpstreamResponse> response;
      UpstreamFailure failure;
      if (http.send(getRequest("http://127.0.0.1:1/x"), response, failure) == GH_OK) {
        ++ok;
      }
    });
  }
  for (std::thread& sender : senders) {
    sender.join();
  }
  EXPECT_EQ(made, 1);
  EXPECT_EQ(ok, 8);
}

TEST(PluginHttp, FactoryThatReturnsNothingIsAConfigError) {
  PluginHttp http(UpstreamConfig{}, "plugin 'p'",
                  [](const UpstreamConfig&, std::string) { return std::shared_ptr<UpstreamClient>(); });
  std::unique_ptr<UpstreamResponse> response;
  UpstreamFailure failure;
  EXPECT_EQ(http.send(getRequest("http://127.0.0.1:1/x"), response, failure), GH_ERROR_CONFIG);
  EXPECT_EQ(failure.message, "plugin 'p': no upstream client could be made");
  EXPECT_FALSE(http.hasClient());
}

// An app that offers plugins no HTTP (no factory in HostServices) fails every send cleanly.
TEST(PluginHttp, WithoutAFactoryEverySendIsUnavailable) {
  PluginHttp http(UpstreamConfig{}, "plugin 'p'", {});
  std::unique_ptr<UpstreamResponse> response;
  UpstreamFailure failure;
  EXPECT_EQ(http.send(getRequest("http://127.0.0.1:1/x"), response, failure), GH_ERROR_UNAVAILABLE);
  EXPECT_EQ(response, nullptr);
  EXPECT_NE(failure.message.find("plugin 'p'"), std::string::npos);
  EXPECT_FALSE(http.hasClient());
}

TEST(PluginHttp, UnreadableCaFileIsAConfigErrorNamingThePlugin) {
  UpstreamConfig config;
  config.caFile = "/nonexistent/gatehouse-test-ca.pem";
  PluginHttp http(config, "plugin 'oidc'", makeUpstreamClient); // the real factory
  std::unique_ptr<UpstreamResponse> response;
  UpstreamFailure failure;
  EXPECT_EQ(http.send(getRequest("https://127.0.0.1:1/x"), response, failure), GH_ERROR_CONFIG);
  EXPECT_NE(failure.message.find("plugin 'oidc'"), std::string::npos) << failure.message;
  EXPECT_NE(failure.message.find("ca_file"), std::string::npos) << failure.message;
  EXPECT_EQ(response, nullptr);
}

class PluginHttpWithMock : public ::testing::Test {
protected:
  static void SetUpTestSuite() { mock_ = new MockUpstreamProcess(); }
  static void TearDownTestSuite() {
    delete mock_;
    mock_ = nullptr;
  }
  static MockUpstreamProcess* mock_;
};

MockUpstreamProcess* PluginHttpWithMock::mock_ = nullptr;

TEST_F(PluginHttpWithMock, RealClientFetchesFromLoopback) {
  PluginHttp http(UpstreamConfig{}, "plugin 'p'", makeUpstreamClient);
  const std::string url = mock_->baseUrl() + "/v1/models";
  UpstreamRequest request = getRequest(url);
  request.headers = {{"Authorization", "Bearer sk-test"}}; // the mock wants a key, any key
  std::unique_ptr<UpstreamResponse> response;
  UpstreamFailure failure;
  ASSERT_EQ(http.send(request, response, failure), GH_OK) << failure.message;
  EXPECT_EQ(response->status(), 200);
  std::string body;
  ASSERT_EQ(response->readBody(body, failure), GH_OK) << failure.message;
  EXPECT_NE(body.find("\"object\":\"list\""), std::string::npos) << body;
}

} // namespace
} // namespace gatehouse
