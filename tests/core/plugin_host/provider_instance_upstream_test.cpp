// A real plugin library (tests/abi/upstream_provider.c, plain C) doing upstream I/O through
// ProviderInstance::handle: requests reach the exchange, responses flow back, failures keep
// the host's message, and whatever the plugin leaves open is closed when handle returns.
#include <gatehouse/plugin_host/plugin_host.hpp>

#include <gtest/gtest.h>

#include "fake_exchange.hpp"
#include "test_plugins.hpp"

namespace gatehouse {
namespace {

using host_testing::FakeExchange;
using host_testing::FakeUpstreamResponse;
using host_testing::gatewayWith;
using host_testing::pluginEntry;
using host_testing::providerEntry;
using host_testing::ScriptedEvent;
using host_testing::testPluginPath;

class ProviderInstanceUpstreamTest : public ::testing::Test {
protected:
  void SetUp() override {
    host_ = PluginHost::load(gatewayWith({pluginEntry("up", testPluginPath("upstream_provider"))}));
    instance_ = host_->createProvider(providerEntry("relay-provider", "up"));
  }

  PluginResult handle(const std::string& model) {
    exchange_.modelName = model;
    return instance_->handle(exchange_);
  }

  std::unique_ptr<PluginHost> host_;
  std::shared_ptr<ProviderInstance> instance_;
  FakeExchange exchange_;
};

TEST_F(ProviderInstanceUpstreamTest, RelaysTheClientBodyAndTheUpstreamAnswer) {
  FakeUpstreamResponse& upstream = exchange_.willRespond(201);
  upstream.headers = {{"Content-Type", "application/vnd.test+json"}};
  upstream.body = R"({"relayed":true})";
  const PluginResult result = handle("relay");
  ASSERT_TRUE(result.ok()) << result.message;

  ASSERT_EQ(exchange_.sent.size(), 1u);
  EXPECT_EQ(exchange_.sent[0].method, "POST");
  EXPECT_EQ(exchange_.sent[0].url, "https://upstream.example/v1/relay");
  EXPECT_EQ(exchange_.sent[0].headers.at(0),
            (std::pair<std::string, std::string>{"Authorization", "Bearer upstream-key"}));
  ASSERT_EQ(exchange_.sent[0].bodyParts.size(), 2u);
  EXPECT_EQ(exchange_.sent[0].bodyParts[0] + exchange_.sent[0].bodyParts[1], exchange_.body);

  EXPECT_EQ(exchange_.status, 201);
  EXPECT_EQ(exchange_.contentType, "application/vnd.test+json");
  EXPECT_EQ(exchange_.responseBody, R"({"relayed":true})");
  EXPECT_EQ(exchange_.tracker->destroyed, 1); // the plugin closed it
  EXPECT_EQ(exchange_.upstreams.size(), 0u);
}

TEST_F(ProviderInstanceUpstreamTest, ForwardsServerSentEvents) {
  exchange_.willRespond(200).events = {ScriptedEvent{"", R"({"n":1})", ""},
                                       ScriptedEvent{"delta", R"({"n":2})", "7"}};
  const PluginResult result = handle("sse");
  ASSERT_TRUE(result.ok()) << result.message;
  EXPECT_EQ(exchange_.events, (std::vector<std::string>{R"({"n":1})", R"({"n":2})"}));
  EXPECT_EQ(exchange_.tracker->destroyed, 1);
}

TEST_F(ProviderInstanceUpstreamTest, StreamsARawBodyChunkByChunk) {
  FakeUpstreamResponse& upstream = exchange_.willRespond(200);
  upstream.headers = {{"content-type", "audio/mpeg"}};
  upstream.body = "ID3-frame-frame-end";
  upstream.chunkSize = 6;
  const PluginResult result = handle("raw");
  ASSERT_TRUE(result.ok()) << result.message;
  EXPECT_TRUE(exchange_.rawStarted);
  EXPECT_EQ(exchange_.contentType, "audio/mpeg");
  // buffer_clear between reads: each write is one chunk, not the chunks so far.
  EXPECT_EQ(exchange_.rawWrites, (std::vector<std::string>{"ID3-fr", "ame-fr", "ame-en", "d"}));
}

TEST_F(ProviderInstanceUpstreamTest, SendFailureComesBackWithTheHostsMessage) {
  exchange_.willFail(GH_ERROR_UPSTREAM_TIMEOUT, "upstream.example did not answer within 30 s");
  const PluginResult result = handle("relay");
  EXPECT_EQ(result.status, GH_ERROR_UPSTREAM_TIMEOUT);
  // The plugin read the message back with call_error and wrapped it.
  EXPECT_EQ(result.message, "send: upstream.example did not answer within 30 s");
  EXPECT_EQ(exchange_.responses, 0);
}

TEST_F(ProviderInstanceUpstreamTest, ReadFailureComesBackWithTheHostsMessageAndTheUpstreamIsClosed) {
  exchange_.willRespond(200).readFailure = UpstreamFailure{GH_ERROR_UPSTREAM, "upstream.example reset"};
  const PluginResult result = handle("relay");
  EXPECT_EQ(result.status, GH_ERROR_UPSTREAM);
  EXPECT_EQ(result.message, "read: upstream.example reset");
  EXPECT_EQ(exchange_.tracker->destroyed, 1);
}

TEST_F(ProviderInstanceUpstreamTest, WhatThePluginLeftOpenIsClosedWhenHandleReturns) {
  exchange_.willRespond(200);
  exchange_.willRespond(200);
  const PluginResult result = handle("leave-open");
  ASSERT_TRUE(result.ok()) << result.message;
  EXPECT_EQ(exchange_.responseBody, R"({"left":"open"})");
  EXPECT_EQ(exchange_.tracker->destroyed, 2);
  EXPECT_EQ(exchange_.upstreams.size(), 0u);
}

TEST_F(ProviderInstanceUpstreamTest, LeftOpenUpstreamsAreClosedAfterAFailedHandleToo) {
  exchange_.willRespond(200);
  exchange_.willFail(GH_ERROR_UNAVAILABLE, "upstream.example: connection pool full");
  const PluginResult result = handle("leave-open"); // the second send fails, the first stays open
  EXPECT_EQ(result.status, GH_ERROR_UNAVAILABLE);
  EXPECT_EQ(exchange_.tracker->destroyed, 1);
  EXPECT_EQ(exchange_.upstreams.size(), 0u);
}

} // namespace
} // namespace gatehouse
