// The built libgatehouse_provider_mock.so, driven through the SDK's FakeHost exactly
// as the gateway drives it.
#include <gatehouse/testing/fake_host.hpp>
#include <gatehouse/testing/plugin_library.hpp>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <chrono>
#include <string>

namespace {

using gatehouse::testing::FakeExchange;
using gatehouse::testing::FakeHost;
using gatehouse::testing::PluginLibrary;

constexpr const char* kChat = R"({"model":"mock-echo","messages":[{"role":"system","content":"be nice"},)"
                              R"({"role":"user","content":"hello world"}]})";

rapidjson::Document parse(const std::string& json) {
  rapidjson::Document document;
  document.Parse(json.c_str());
  EXPECT_FALSE(document.HasParseError()) << json;
  return document;
}

class MockPluginTest : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_EQ(host_.init(library_.descriptor()), GH_OK) << host_.lastError(); }

  FakeExchange chat(std::string body, bool stream = false) {
    FakeExchange exchange;
    exchange.setBody(std::move(body))
        .setModel("mock-echo")
        .setUpstreamModel("echo-1")
        .setRequestId("abc123")
        .setStream(stream);
    return exchange;
  }

  std::string streamedContent(const FakeExchange& exchange) {
    std::string content;
    for (const std::string& event : exchange.events()) {
      const auto document = parse(event);
      if (document["choices"].Empty())
        continue;
      const auto& delta = document["choices"][0]["delta"];
      if (delta.HasMember("content"))
        content += delta["content"].GetString();
    }
    return content;
  }

  PluginLibrary library_{GATEHOUSE_MOCK_PLUGIN_PATH};
  FakeHost host_{"mock"};
};

TEST_F(MockPluginTest, DescribesItselfAsTheMockProvider) {
  const gh_plugin_descriptor* descriptor = library_.descriptor();
  EXPECT_EQ(descriptor->kind, GH_KIND_PROVIDER);
  EXPECT_EQ(std::string(descriptor->name.ptr, descriptor->name.len), "mock");
}

TEST_F(MockPluginTest, AnswersAChatCompletionShapedLikeOpenAis) {
  ASSERT_EQ(host_.createProvider("mock"), GH_OK) << host_.lastError();
  FakeExchange exchange = chat(kChat);
  ASSERT_EQ(host_.handle("mock", exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.status(), 200);
  EXPECT_EQ(exchange.contentType(), "application/json");
  const auto document = parse(exchange.responseBody());
  EXPECT_STREQ(document["id"].GetString(), "chatcmpl-abc123");
  EXPECT_STREQ(document["object"].GetString(), "chat.completion");
  EXPECT_TRUE(document["created"].IsInt64());
  EXPECT_STREQ(document["model"].GetString(), "mock-echo");
  ASSERT_EQ(document["choices"].Size(), 1u);
  const auto& choice = document["choices"][0];
  EXPECT_EQ(choice["index"].GetInt(), 0);
  EXPECT_STREQ(choice["message"]["role"].GetString(), "assistant");
  EXPECT_STREQ(choice["message"]["content"].GetString(), "Echo: hello world");
  EXPECT_STREQ(choice["finish_reason"].GetString(), "stop");
  // "be nice" = 7 bytes -> 2 tokens, "hello world" = 11 bytes -> 3; "Echo: hello world" = 17 -> 5.
  EXPECT_EQ(document["usage"]["prompt_tokens"].GetInt(), 5);
  EXPECT_EQ(document["usage"]["completion_tokens"].GetInt(), 5);
  EXPECT_EQ(document["usage"]["total_tokens"].GetInt(), 10);
  ASSERT_TRUE(exchange.usage().has_value());
  EXPECT_EQ(exchange.usage()->prompt_tokens, 5);
  EXPECT_EQ(exchange.usage()->completion_tokens, 5);
}

TEST_F(MockPluginTest, IsDeterministic) {
  ASSERT_EQ(host_.createProvider("mock"), GH_OK);
  FakeExchange first = chat(kChat);
  FakeExchange second = chat(kChat);
  ASSERT_EQ(host_.handle("mock", first), GH_OK);
  ASSERT_EQ(host_.handle("mock", second), GH_OK);
  auto a = parse(first.responseBody());
  auto b = parse(second.responseBody());
  EXPECT_STREQ(a["choices"][0]["message"]["content"].GetString(),
               b["choices"][0]["message"]["content"].GetString());
  EXPECT_EQ(a["usage"]["total_tokens"].GetInt(), b["usage"]["total_tokens"].GetInt());
}

TEST_F(MockPluginTest, EchoesTheTextPartsOfArrayContent) {
  ASSERT_EQ(host_.createProvider("mock"), GH_OK);
  FakeExchange exchange =
      chat(R"({"messages":[{"role":"user","content":[{"type":"text","text":"look"},)"
           R"({"type":"image_url","image_url":{"url":"x"}},{"type":"text","text":"here"}]}]})");
  ASSERT_EQ(host_.handle("mock", exchange), GH_OK) << host_.lastError();
  EXPECT_STREQ(parse(exchange.responseBody())["choices"][0]["message"]["content"].GetString(),
               "Echo: look here");
}

TEST_F(MockPluginTest, EchoesTheLastUserMessage) {
  ASSERT_EQ(host_.createProvider("mock"), GH_OK);
  FakeExchange exchange =
      chat(R"({"messages":[{"role":"user","content":"first"},)"
           R"({"role":"assistant","content":"reply"},{"role":"user","content":"second"}]})");
  ASSERT_EQ(host_.handle("mock", exchange), GH_OK);
  EXPECT_STREQ(parse(exchange.responseBody())["choices"][0]["message"]["content"].GetString(),
               "Echo: second");
}

TEST_F(MockPluginTest, UsesTheFixedReplyWhenConfigured) {
  ASSERT_EQ(host_.createProvider("mock", R"({"reply":"always this"})"), GH_OK) << host_.lastError();
  FakeExchange exchange = chat(kChat);
  ASSERT_EQ(host_.handle("mock", exchange), GH_OK);
  EXPECT_STREQ(parse(exchange.responseBody())["choices"][0]["message"]["content"].GetString(), "always this");
}

TEST_F(MockPluginTest, StreamsRoleContentStopChunks) {
  ASSERT_EQ(host_.createProvider("mock", R"({"chunks":3})"), GH_OK);
  FakeExchange exchange = chat(kChat, true);
  ASSERT_EQ(host_.handle("mock", exchange), GH_OK) << host_.lastError();
  ASSERT_EQ(exchange.events().size(), 5u); // role, 3 content, stop
  const auto role = parse(exchange.events().front());
  EXPECT_STREQ(role["object"].GetString(), "chat.completion.chunk");
  EXPECT_STREQ(role["id"].GetString(), "chatcmpl-abc123");
  EXPECT_STREQ(role["choices"][0]["delta"]["role"].GetString(), "assistant");
  EXPECT_TRUE(role["choices"][0]["finish_reason"].IsNull());
  EXPECT_FALSE(role.HasMember("usage"));
  const auto stop = parse(exchange.events().back());
  EXPECT_STREQ(stop["choices"][0]["finish_reason"].GetString(), "stop");
  EXPECT_EQ(stop["choices"][0]["delta"].MemberCount(), 0u);
  EXPECT_EQ(streamedContent(exchange), "Echo: hello world");
  ASSERT_TRUE(exchange.usage().has_value());
  EXPECT_EQ(exchange.usage()->completion_tokens, 5);
}

TEST_F(MockPluginTest, StreamsAUsageChunkWhenAskedLikeOpenAi) {
  ASSERT_EQ(host_.createProvider("mock", R"({"chunks":2})"), GH_OK);
  FakeExchange exchange = chat(R"({"messages":[{"role":"user","content":"hello world"}],"stream":true,)"
                               R"("stream_options":{"include_usage":true}})",
                               true);
  ASSERT_EQ(host_.handle("mock", exchange), GH_OK);
  ASSERT_EQ(exchange.events().size(), 5u); // role, 2 content, stop, usage
  for (std::size_t i = 0; i + 1 < exchange.events().size(); ++i) {
    const auto chunk = parse(exchange.events()[i]);
    ASSERT_TRUE(chunk.HasMember("usage"));
    EXPECT_TRUE(chunk["usage"].IsNull());
  }
  const auto usage = parse(exchange.events().back());
  EXPECT_TRUE(usage["choices"].IsArray());
  EXPECT_TRUE(usage["choices"].Empty());
  EXPECT_EQ(usage["usage"]["prompt_tokens"].GetInt(), 3);
  EXPECT_EQ(usage["usage"]["completion_tokens"].GetInt(), 5);
  EXPECT_EQ(usage["usage"]["total_tokens"].GetInt(), 8);
}

TEST_F(MockPluginTest, SplitsTheReplyIntoTheConfiguredChunkCount) {
  ASSERT_EQ(host_.createProvider("mock", R"({"chunks":7})"), GH_OK);
  FakeExchange exchange = chat(kChat, true);
  ASSERT_EQ(host_.handle("mock", exchange), GH_OK);
  EXPECT_EQ(exchange.events().size(), 9u);
}

TEST_F(MockPluginTest, StopsStreamingWhenTheClientGoesAway) {
  ASSERT_EQ(host_.createProvider("mock", R"({"chunks":4})"), GH_OK);
  FakeExchange exchange = chat(kChat, true);
  exchange.disconnectAfter(2); // role + one content chunk
  ASSERT_EQ(host_.handle("mock", exchange), GH_OK);
  EXPECT_TRUE(exchange.cancelled());
  EXPECT_EQ(exchange.events().size(), 2u);
  ASSERT_TRUE(exchange.usage().has_value());
  EXPECT_EQ(exchange.usage()->completion_tokens, 2); // "Echo:" (5 bytes) delivered
}

TEST_F(MockPluginTest, WaitsTheConfiguredLatency) {
  ASSERT_EQ(host_.createProvider("mock", R"({"latency_ms":40,"chunks":2})"), GH_OK);
  FakeExchange plain = chat(kChat);
  auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(host_.handle("mock", plain), GH_OK);
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(40));
  FakeExchange streamed = chat(kChat, true);
  started = std::chrono::steady_clock::now();
  ASSERT_EQ(host_.handle("mock", streamed), GH_OK);
  // Before the first chunk and between the two content chunks.
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(80));
}

TEST_F(MockPluginTest, BadRequestsAreInvalidArgumentWithAClearMessage) {
  ASSERT_EQ(host_.createProvider("mock"), GH_OK);
  const std::pair<const char*, const char*> cases[] = {
      {"not json", "JSON object"},
      {R"({"model":"m"})", "messages"},
      {R"({"messages":[]})", "messages"},
      {R"({"messages":["x"]})", "object"},
      {R"({"messages":[{"role":"system","content":"x"}]})", "user"},
  };
  for (const auto& [body, mention] : cases) {
    FakeExchange exchange = chat(body);
    EXPECT_EQ(host_.handle("mock", exchange), GH_ERROR_INVALID_ARGUMENT) << body;
    EXPECT_NE(host_.lastError().find(mention), std::string::npos) << host_.lastError();
    EXPECT_FALSE(exchange.responded());
  }
}

TEST_F(MockPluginTest, SurvivesDeeplyNestedJson) {
  ASSERT_EQ(host_.createProvider("mock"), GH_OK);
  const std::string deep = R"({"messages":[{"role":"user","content":"hi"}],"x":)" + std::string(100000, '[') +
                           std::string(100000, ']') + "}";
  FakeExchange exchange = chat(deep);
  EXPECT_EQ(host_.handle("mock", exchange), GH_OK) << host_.lastError();
}

TEST_F(MockPluginTest, RefusesOtherEndpoints) {
  ASSERT_EQ(host_.createProvider("mock"), GH_OK);
  FakeExchange exchange = chat(kChat);
  exchange.setEndpoint(GH_ENDPOINT_EMBEDDINGS);
  EXPECT_EQ(host_.handle("mock", exchange), GH_ERROR_UNSUPPORTED);
}

TEST_F(MockPluginTest, RefusesBadConfigNamingTheKey) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"chunks":0})", "chunks"},
      {R"({"chunks":"4"})", "chunks"},
      {R"({"latency_ms":-1})", "latency_ms"},
      {R"({"latency_ms":600000})", "latency_ms"},
      {R"({"reply":5})", "reply"},
      {R"({"chunk":4})", "chunk"},
      {"[]", "object"},
  };
  int index = 0;
  for (const auto& [config, mention] : cases) {
    EXPECT_EQ(host_.createProvider("p" + std::to_string(index++), config), GH_ERROR_CONFIG) << config;
    EXPECT_NE(host_.lastError().find(mention), std::string::npos) << host_.lastError();
  }
  EXPECT_EQ(host_.providerCount(), 0u);
}

} // namespace
