// Drives the built libgatehouse_provider_openai.so through the SDK's FakeHost, as the
// gateway would, with the fake upstream standing in for OpenAI.
#pragma once

#include <gatehouse/testing/fake_host.hpp>
#include <gatehouse/testing/plugin_library.hpp>

#include <gtest/gtest.h>
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <string>

namespace gatehouse::plugins::openai::test {

using testing::FakeExchange;
using testing::FakeHost;
using testing::FakeSseEvent;
using testing::FakeUpstreamRequest;
using testing::FakeUpstreamResponse;
using testing::PluginLibrary;

// The company's key: it must reach the upstream and nothing else.
inline constexpr const char* kCompanyKey = "sk-company-0123456789abcdefghijklmnop";
inline constexpr const char* kProvider = "openai-main";

inline rapidjson::Document parseJson(const std::string& text) {
  rapidjson::Document document;
  document.Parse<rapidjson::kParseFullPrecisionFlag>(text.c_str(), text.size());
  EXPECT_FALSE(document.HasParseError()) << text;
  return document;
}

// The JSON re-written compactly, member order kept: equal for texts equal in meaning
// (spacing aside) and in member order.
inline std::string canonicalJson(const std::string& text) {
  const rapidjson::Document document = parseJson(text);
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  document.Accept(writer);
  return std::string(buffer.GetString(), buffer.GetSize());
}

class OpenAiPluginTest : public ::testing::Test {
protected:
  void SetUp() override {
    host_.secrets().setEnv("OPENAI_KEY", kCompanyKey);
    ASSERT_EQ(host_.init(library_.descriptor()), GH_OK) << host_.lastError();
    buffersBefore_ = FakeHost::liveBufferCount();
  }

  void TearDown() override {
    EXPECT_EQ(FakeHost::liveBufferCount(), buffersBefore_) << "the plugin leaked a buffer";
  }

  // The provider under test, by default OpenAI's flavor at https://api.test/v1.
  void createProvider(const std::string& extraConfig = "") {
    const std::string config = R"({"base_url":"https://api.test/v1","api_key":"env:OPENAI_KEY")" +
                               (extraConfig.empty() ? "" : "," + extraConfig) + "}";
    ASSERT_EQ(host_.createProvider(kProvider, config), GH_OK) << host_.lastError();
  }

  static FakeExchange request(gh_endpoint endpoint, std::string body, bool stream = false) {
    FakeExchange exchange;
    exchange.setEndpoint(endpoint)
        .setBody(std::move(body))
        .setModel("public-model")
        .setUpstreamModel("gpt-4o-2024-08-06")
        .setStream(stream);
    return exchange;
  }

  gh_status handle(FakeExchange& exchange) { return host_.handle(kProvider, exchange); }

  // The one request the plugin sent upstream.
  static const FakeUpstreamRequest& sent(const FakeExchange& exchange) {
    EXPECT_EQ(exchange.upstream().requests().size(), 1u);
    return exchange.upstream().requests().at(0);
  }

  // The plugin played by the ABI's upstream rules and closed everything it opened itself.
  static void expectTidyUpstream(const FakeExchange& exchange) {
    EXPECT_TRUE(exchange.upstream().misuses().empty()) << exchange.upstream().misuses().front();
    EXPECT_EQ(exchange.upstream().closedByHost(), 0u);
    EXPECT_EQ(exchange.upstream().unused(), 0u);
  }

  // Nothing the client or the logs can see holds the company key.
  void expectNoKeyLeak(const FakeExchange& exchange) const {
    EXPECT_EQ(exchange.responseBody().find(kCompanyKey), std::string::npos);
    EXPECT_EQ(host_.lastError().find(kCompanyKey), std::string::npos);
    for (const std::string& event : exchange.events()) {
      EXPECT_EQ(event.find(kCompanyKey), std::string::npos);
    }
    EXPECT_FALSE(host_.logs().contains(kCompanyKey));
  }

  PluginLibrary library_{GATEHOUSE_OPENAI_PLUGIN_PATH};
  FakeHost host_{"openai"};
  long buffersBefore_ = 0;
};

} // namespace gatehouse::plugins::openai::test
