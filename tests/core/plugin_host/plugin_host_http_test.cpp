// A C plugin's own HTTP (http_send) end to end: loaded by PluginHost, calling the real
// upstream client against the project's mock upstream on loopback, in init and later calls.
#include <gatehouse/plugin_host/plugin_host.hpp>
#include <gatehouse/upstream/upstream_client_factory.hpp>
#include <gatehouse/testing/free_port.hpp>
#include <gatehouse/testing/mock_upstream_process.hpp>

#include <gtest/gtest.h>

#include "fake_client_request.hpp"
#include "test_plugins.hpp"

namespace gatehouse {
namespace {

using host_testing::FakeClientRequest;
using host_testing::gatewayWith;
using host_testing::pluginEntry;
using host_testing::testPluginPath;
using testing::MockUpstreamProcess;

class PluginHostHttpTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() { mock_ = new MockUpstreamProcess(); }
  static void TearDownTestSuite() {
    delete mock_;
    mock_ = nullptr;
  }

  static std::string modelsUrl() { return mock_->baseUrl() + "/v1/models"; }

  static std::unique_ptr<PluginHost> load(const std::string& configJson, UpstreamConfig upstream = {}) {
    PluginConfig plugin = pluginEntry("fetcher", testPluginPath("http_fetcher"), configJson);
    plugin.upstream = std::move(upstream);
    return PluginHost::load(gatewayWith({plugin}), HostServices{nullptr, nullptr, makeUpstreamClient});
  }

  static AuthOutcome ask(const PluginHost& host, const std::string& header, const std::string& value) {
    FakeClientRequest request;
    request.headers[header] = value;
    return host.authPlugins().front().authenticate(request);
  }

  static MockUpstreamProcess* mock_;
};

MockUpstreamProcess* PluginHostHttpTest::mock_ = nullptr;

TEST_F(PluginHostHttpTest, PluginFetchesDuringInit) {
  const auto host = load(R"({"init_url":")" + modelsUrl() + R"("})");
  const AuthOutcome outcome = ask(*host, "x-fetch-url", modelsUrl());
  ASSERT_TRUE(outcome.result.ok()) << outcome.result.message;
  // The plugin reports what init fetched as its app.
  EXPECT_NE(outcome.app.find("\"object\":\"list\""), std::string::npos) << outcome.app;
}

TEST_F(PluginHostHttpTest, PluginFetchesDuringACall) {
  const auto host = load("{}");
  const AuthOutcome outcome = ask(*host, "x-fetch-url", modelsUrl());
  ASSERT_TRUE(outcome.result.ok()) << outcome.result.message;
  EXPECT_EQ(outcome.verdict, GH_AUTH_ACCEPTED);
  EXPECT_EQ(outcome.subject, "fetched:200");
  EXPECT_NE(outcome.scopes.find("\"object\":\"list\""), std::string::npos) << outcome.scopes;
}

TEST_F(PluginHostHttpTest, HandleOutlivesTheCallThatOpenedIt) {
  const auto host = load("{}");
  const AuthOutcome opened = ask(*host, "x-fetch-hold", modelsUrl());
  ASSERT_TRUE(opened.result.ok()) << opened.result.message;
  const AuthOutcome read = ask(*host, "x-read-held", "1");
  ASSERT_TRUE(read.result.ok()) << read.result.message;
  EXPECT_EQ(read.subject, "held:200");
  EXPECT_NE(read.scopes.find("\"object\":\"list\""), std::string::npos) << read.scopes;
}

TEST_F(PluginHostHttpTest, UnloadingWithAHandleLeftOpenIsClean) {
  auto host = load("{}");
  ASSERT_TRUE(ask(*host, "x-fetch-hold", modelsUrl()).result.ok());
  host.reset(); // shutdown, then the host closes the response the plugin never closed
  // The mock still serves: the abandoned connection was closed, not wedged.
  const auto again = load("{}");
  EXPECT_EQ(ask(*again, "x-fetch-url", modelsUrl()).subject, "fetched:200");
}

TEST_F(PluginHostHttpTest, UnreachableUpstreamFailsWithoutTheQueryString) {
  const auto host = load("{}");
  const std::string url = "http://127.0.0.1:" + std::to_string(testing::pickFreeLoopbackPort()) +
                          "/jwks?access_token=query-secret-value-99";
  const AuthOutcome outcome = ask(*host, "x-fetch-url", url);
  EXPECT_EQ(outcome.result.status, GH_ERROR_UPSTREAM);
  EXPECT_EQ(outcome.result.message.rfind("fetch: ", 0), 0u) << outcome.result.message;
  EXPECT_NE(outcome.result.message.find("127.0.0.1"), std::string::npos) << outcome.result.message;
  EXPECT_EQ(outcome.result.message.find("query-secret-value-99"), std::string::npos)
      << outcome.result.message;
  EXPECT_EQ(outcome.result.message.find("access_token"), std::string::npos) << outcome.result.message;
  // The plugin's Authorization header never shows either.
  EXPECT_EQ(outcome.result.message.find("plugin-secret-token"), std::string::npos) << outcome.result.message;
}

TEST_F(PluginHostHttpTest, FailedFetchInInitFailsTheLoad) {
  const std::string url =
      "http://127.0.0.1:" + std::to_string(testing::pickFreeLoopbackPort()) + "/discovery";
  try {
    load(R"({"init_url":")" + url + R"("})");
    FAIL() << "loaded although init could not fetch";
  } catch (const PluginLoadError& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("plugin 'fetcher'"), std::string::npos) << message;
    EXPECT_NE(message.find("init failed: init fetch: "), std::string::npos) << message;
  }
}

TEST_F(PluginHostHttpTest, PluginsUpstreamSettingsAreUsed) {
  UpstreamConfig upstream;
  upstream.caFile = "/nonexistent/gatehouse-plugin-ca.pem";
  const auto host = load("{}", upstream);
  const AuthOutcome outcome = ask(*host, "x-fetch-url", modelsUrl());
  EXPECT_EQ(outcome.result.status, GH_ERROR_CONFIG);
  EXPECT_NE(outcome.result.message.find("plugin 'fetcher'"), std::string::npos) << outcome.result.message;
  EXPECT_NE(outcome.result.message.find("ca_file"), std::string::npos) << outcome.result.message;
}

} // namespace
} // namespace gatehouse
