// The built hello plugin (libgatehouse_provider_hello.so), loaded and driven through the
// FakeHost the way the gateway drives it.
#include <gatehouse/testing/fake_host.hpp>
#include <gatehouse/testing/plugin_library.hpp>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>

namespace {

using gatehouse::testing::FakeExchange;
using gatehouse::testing::FakeHost;
using gatehouse::testing::PluginLibrary;

constexpr const char* kChat =
    R"({"model":"hello-model","messages":[{"role":"system","content":"You are terse."},)"
    R"({"role":"user","content":"How are you today?"}]})";

rapidjson::Document parse(const std::string& json) {
  rapidjson::Document document;
  document.Parse(json.c_str(), json.size());
  EXPECT_FALSE(document.HasParseError()) << json;
  return document;
}

class HelloProviderTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_EQ(host_.init(library_.descriptor()), GH_OK) << host_.lastError();
    ASSERT_EQ(host_.createProvider("hello", R"({"greeting":"Hi there!"})"), GH_OK) << host_.lastError();
  }

  FakeExchange chat(const std::string& body, bool stream = false) {
    FakeExchange exchange;
    exchange.setBody(body).setStream(stream).setModel("hello-model").setRequestId("req-42");
    return exchange;
  }

  PluginLibrary library_{HELLO_PLUGIN_PATH}; // declared first: outlives the host
  FakeHost host_{"hello"};
};

TEST(HelloProviderLibrary, ExportsAProviderDescriptorNamedHello) {
  PluginLibrary library(HELLO_PLUGIN_PATH);
  const gh_plugin_descriptor* descriptor = library.descriptor();
  ASSERT_NE(descriptor, nullptr);
  EXPECT_EQ(gatehouse::testing::descriptorProblem(descriptor), "");
  EXPECT_EQ(descriptor->kind, GH_KIND_PROVIDER);
  EXPECT_EQ(std::string(descriptor->name.ptr, descriptor->name.len), "hello");
  EXPECT_EQ(std::string(descriptor->version.ptr, descriptor->version.len), "1.0.0");
}

TEST(HelloProviderLibrary, FileNameFollowsTheInTreeConvention) {
  const std::string path = HELLO_PLUGIN_PATH;
  EXPECT_EQ(path.substr(path.rfind('/') + 1), "libgatehouse_provider_hello.so");
}

TEST_F(HelloProviderTest, LogsWhenLoaded) {
  EXPECT_TRUE(host_.logs().contains("hello plugin loaded as 'hello'"));
}

TEST_F(HelloProviderTest, AnswersWithTheGreetingAndTheLastUserMessage) {
  FakeExchange exchange = chat(kChat);
  ASSERT_EQ(host_.handle("hello", exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.status(), 200);
  EXPECT_EQ(exchange.contentType(), "application/json");
  const auto doc = parse(exchange.responseBody());
  EXPECT_STREQ(doc["id"].GetString(), "chatcmpl-req-42");
  EXPECT_STREQ(doc["object"].GetString(), "chat.completion");
  EXPECT_STREQ(doc["model"].GetString(), "hello-model");
  EXPECT_STREQ(doc["choices"][0]["message"]["content"].GetString(), "Hi there! How are you today?");
  EXPECT_FALSE(exchange.streamed());
}

TEST_F(HelloProviderTest, ReportsWordsAsTokens) {
  FakeExchange exchange = chat(kChat);
  ASSERT_EQ(host_.handle("hello", exchange), GH_OK);
  ASSERT_EQ(exchange.usageReports(), 1);
  EXPECT_EQ(exchange.usage()->prompt_tokens, 3 + 4);     // "You are terse." + "How are you today?"
  EXPECT_EQ(exchange.usage()->completion_tokens, 2 + 4); // "Hi there!" + the echoed question
  const auto doc = parse(exchange.responseBody());
  EXPECT_EQ(doc["usage"]["prompt_tokens"].GetInt(), 7);
  EXPECT_EQ(doc["usage"]["completion_tokens"].GetInt(), 6);
  EXPECT_EQ(doc["usage"]["total_tokens"].GetInt(), 13);
}

TEST_F(HelloProviderTest, StreamsChunksThatAddUpToTheAnswer) {
  FakeExchange exchange = chat(kChat, true);
  ASSERT_EQ(host_.handle("hello", exchange), GH_OK) << host_.lastError();
  EXPECT_FALSE(exchange.responded());
  const auto& events = exchange.events();
  ASSERT_EQ(events.size(), 1u + 6u + 1u); // role, one per word, finish
  EXPECT_STREQ(parse(events.front())["choices"][0]["delta"]["role"].GetString(), "assistant");
  std::string content;
  for (std::size_t i = 1; i + 1 < events.size(); ++i) {
    const auto chunk = parse(events[i]);
    EXPECT_STREQ(chunk["object"].GetString(), "chat.completion.chunk");
    EXPECT_STREQ(chunk["id"].GetString(), "chatcmpl-req-42");
    content += chunk["choices"][0]["delta"]["content"].GetString();
  }
  EXPECT_EQ(content, "Hi there! How are you today?");
  EXPECT_STREQ(parse(events.back())["choices"][0]["finish_reason"].GetString(), "stop");
  ASSERT_TRUE(exchange.usage().has_value());
  EXPECT_EQ(exchange.usage()->prompt_tokens, 7);
  EXPECT_EQ(exchange.usage()->completion_tokens, 6);
}

TEST_F(HelloProviderTest, StopsStreamingWhenTheClientLeavesAndCountsOnlyWhatWasSent) {
  FakeExchange exchange = chat(kChat, true);
  exchange.disconnectAfter(3); // the role chunk and two words
  ASSERT_EQ(host_.handle("hello", exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.events().size(), 3u);
  EXPECT_TRUE(exchange.cancelled());
  EXPECT_EQ(exchange.refusedCalls(), 0);
  EXPECT_EQ(exchange.usage()->completion_tokens, 2);
}

TEST_F(HelloProviderTest, EscapesWhatItEchoes) {
  FakeExchange exchange =
      chat(R"({"messages":[{"role":"user","content":"say \"x\"\n\\ \u00e9 \ud83d\ude00"}]})");
  ASSERT_EQ(host_.handle("hello", exchange), GH_OK) << host_.lastError();
  const auto doc = parse(exchange.responseBody());
  EXPECT_STREQ(doc["choices"][0]["message"]["content"].GetString(),
               "Hi there! say \"x\"\n\\ \xC3\xA9 \xF0\x9F\x98\x80");
}

TEST_F(HelloProviderTest, OtherEndpointsAreUnsupported) {
  FakeExchange exchange = chat(R"({"input":"embed me"})");
  exchange.setEndpoint(GH_ENDPOINT_EMBEDDINGS);
  EXPECT_EQ(host_.handle("hello", exchange), GH_ERROR_UNSUPPORTED);
  EXPECT_EQ(host_.lastError(), "the hello provider serves only chat completions");
  EXPECT_FALSE(exchange.responded());
  EXPECT_FALSE(exchange.streamed());
}

TEST_F(HelloProviderTest, MalformedJsonIsTheClientsError) {
  FakeExchange exchange = chat(R"({"messages":[{"role":"user","content":"x"})");
  EXPECT_EQ(host_.handle("hello", exchange), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(host_.lastError().find("request body is not valid JSON"), std::string::npos) << host_.lastError();
  EXPECT_FALSE(exchange.responded());
}

TEST_F(HelloProviderTest, ChatWithoutAUserMessageIsTheClientsError) {
  FakeExchange exchange = chat(R"({"messages":[]})");
  EXPECT_EQ(host_.handle("hello", exchange), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(host_.lastError(), "messages must be a non-empty array");
}

TEST_F(HelloProviderTest, GreetingDefaultsWhenNotConfigured) {
  ASSERT_EQ(host_.createProvider("plain", "{}"), GH_OK) << host_.lastError();
  FakeExchange exchange = chat(R"({"messages":[{"role":"user","content":"hi"}]})");
  ASSERT_EQ(host_.handle("plain", exchange), GH_OK);
  EXPECT_STREQ(parse(exchange.responseBody())["choices"][0]["message"]["content"].GetString(), "Hello! hi");
}

TEST_F(HelloProviderTest, BadProviderConfigFailsCreateWithConfigStatus) {
  EXPECT_EQ(host_.createProvider("typo", R"({"greting":"x"})"), GH_ERROR_CONFIG);
  EXPECT_EQ(host_.lastError(), "hello provider config: unknown key 'greting'");
  EXPECT_EQ(host_.createProvider("number", R"({"greeting":5})"), GH_ERROR_CONFIG);
  EXPECT_EQ(host_.createProvider("broken", R"({"greeting":)"), GH_ERROR_CONFIG);
  EXPECT_EQ(host_.providerCount(), 1u);
}

} // namespace
