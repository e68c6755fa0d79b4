// The built libgatehouse_provider_anthropic.so end to end, driven through the SDK's
// FakeHost and its scripted fake upstream exactly as the gateway drives it: what the
// upstream received, what the client got, and what usage was reported.
#include <gatehouse/testing/fake_host.hpp>
#include <gatehouse/testing/plugin_library.hpp>

#include <gtest/gtest.h>

#include "../pool_key_checks.hpp"
#include "fixture.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

using gatehouse::testing::expectEveryRequestCarries;
using gatehouse::testing::expectNothingVisibleHolds;

using testing::FakeExchange;
using testing::FakeHost;
using testing::FakeSseEvent;
using testing::FakeUpstreamResponse;
using testing::PluginLibrary;

constexpr const char* kKey = "sk-ant-api03-company-key-0123456789";
// A credential from the provider's pool; looks like no known key format, so only redacting
// the exchange's own key removes it.
constexpr const char* kPoolKey = "pool-key-anthropic-Zq81xW4";
constexpr const char* kNoKeyError =
    "provider 'a' has no API key: set config.api_key or providers[].credentials";
constexpr const char* kChat = R"({"model":"claude","messages":[{"role":"system","content":"Be brief."},)"
                              R"({"role":"user","content":"Hello"}],"temperature":0.5})";
constexpr const char* kMessage =
    R"({"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-20250514",)"
    R"("content":[{"type":"text","text":"Hi there!"}],"stop_reason":"end_turn","stop_sequence":null,)"
    R"("usage":{"input_tokens":20,"cache_read_input_tokens":5,"output_tokens":4}})";

std::vector<FakeSseEvent> transcriptEvents(const std::string& name) {
  std::vector<FakeSseEvent> events;
  for (const test::TranscriptEvent& event : test::splitTranscript(test::readFixture("streams/" + name))) {
    events.push_back(FakeSseEvent{event.data, event.event, {}});
  }
  return events;
}

class AnthropicPluginTest : public ::testing::Test {
protected:
  void SetUp() override {
    host_.secrets().setEnv("ANTHROPIC_KEY", kKey);
    ASSERT_EQ(host_.init(library_.descriptor()), GH_OK) << host_.lastError();
    ASSERT_EQ(host_.createProvider("claude-prod", R"({"api_key":"env:ANTHROPIC_KEY",)"
                                                  R"("base_url":"https://anthropic.test/",)"
                                                  R"("anthropic_beta":["prompt-caching-2024-07-31"]})"),
              GH_OK)
        << host_.lastError();
  }

  static FakeExchange chat(std::string body = kChat, bool stream = false) {
    FakeExchange exchange;
    exchange.setBody(std::move(body))
        .setModel("claude")
        .setUpstreamModel("claude-sonnet-4-20250514")
        .setRequestId("req-42")
        .setStream(stream);
    return exchange;
  }

  // The upstream saw no misuse and nothing was left for the host to close.
  static void expectCleanUpstream(const FakeExchange& exchange) {
    EXPECT_TRUE(exchange.upstream().misuses().empty()) << exchange.upstream().misuses().front();
    EXPECT_EQ(exchange.upstream().closedByHost(), 0u);
    EXPECT_EQ(exchange.upstream().leftOpen(), 0u);
  }

  static void expectPoolKeySent(const FakeExchange& exchange) {
    expectEveryRequestCarries(exchange, "x-api-key", kPoolKey, kKey);
  }

  void expectNoPoolKeyLeak(const FakeExchange& exchange) const {
    expectNothingVisibleHolds(host_, exchange, kPoolKey);
  }

  static std::string content(const FakeExchange& exchange) {
    std::string text;
    for (const std::string& event : exchange.events()) {
      const rapidjson::Document chunk = test::parse(event);
      if (!chunk["choices"].Empty() && chunk["choices"][0]["delta"].HasMember("content")) {
        text += chunk["choices"][0]["delta"]["content"].GetString();
      }
    }
    return text;
  }

  PluginLibrary library_{GATEHOUSE_ANTHROPIC_PLUGIN_PATH};
  FakeHost host_{"anthropic"};
};

TEST_F(AnthropicPluginTest, DescribesItselfAsTheAnthropicProvider) {
  const gh_plugin_descriptor* descriptor = library_.descriptor();
  EXPECT_EQ(descriptor->kind, GH_KIND_PROVIDER);
  EXPECT_EQ(std::string(descriptor->name.ptr, descriptor->name.len), "anthropic");
}

TEST_F(AnthropicPluginTest, SendsTheTranslatedRequestWithTheCompanyKey) {
  FakeExchange exchange = chat();
  exchange.upstream().respond(FakeUpstreamResponse::body(200, kMessage));
  ASSERT_EQ(host_.handle("claude-prod", exchange), GH_OK) << host_.lastError();

  ASSERT_EQ(exchange.upstream().requests().size(), 1u);
  const auto& sent = exchange.upstream().requests()[0];
  EXPECT_EQ(sent.method, "POST");
  EXPECT_EQ(sent.url, "https://anthropic.test/v1/messages");
  EXPECT_EQ(sent.header("x-api-key"), kKey);
  EXPECT_EQ(sent.header("anthropic-version"), "2023-06-01");
  EXPECT_EQ(sent.header("anthropic-beta"), "prompt-caching-2024-07-31");
  EXPECT_EQ(sent.header("content-type"), "application/json");
  EXPECT_TRUE(
      test::sameJson(sent.body, test::parse(R"({"model":"claude-sonnet-4-20250514","max_tokens":64000,)"
                                            R"("system":"Be brief.","messages":[{"role":"user",)"
                                            R"("content":"Hello"}],"temperature":0.5})")));
  expectCleanUpstream(exchange);
}

TEST_F(AnthropicPluginTest, AnswersAWholeCompletionAndReportsUsage) {
  FakeExchange exchange = chat();
  exchange.upstream().respond(FakeUpstreamResponse::body(200, kMessage));
  ASSERT_EQ(host_.handle("claude-prod", exchange), GH_OK) << host_.lastError();

  EXPECT_EQ(exchange.status(), 200);
  EXPECT_EQ(exchange.contentType(), "application/json");
  const rapidjson::Document body = test::parse(exchange.responseBody());
  EXPECT_STREQ(body["id"].GetString(), "chatcmpl-req-42");
  EXPECT_STREQ(body["model"].GetString(), "claude") << "the public model name, not the upstream one";
  EXPECT_STREQ(body["choices"][0]["message"]["content"].GetString(), "Hi there!");
  EXPECT_STREQ(body["choices"][0]["finish_reason"].GetString(), "stop");
  EXPECT_EQ(body["usage"]["prompt_tokens"].GetInt(), 25);
  ASSERT_TRUE(exchange.usage());
  EXPECT_EQ(exchange.usage()->prompt_tokens, 25);
  EXPECT_EQ(exchange.usage()->completion_tokens, 4);
  EXPECT_EQ(exchange.usage()->cached_prompt_tokens, 5);
}

TEST_F(AnthropicPluginTest, StreamsTranslatedChunksAndReportsUsage) {
  FakeExchange exchange = chat(R"({"model":"claude","stream":true,"stream_options":{"include_usage":true},)"
                               R"("messages":[{"role":"user","content":"Weather?"}]})",
                               true);
  exchange.upstream().respond(FakeUpstreamResponse::events(200, transcriptEvents("tool_use.sse")));
  ASSERT_EQ(host_.handle("claude-prod", exchange), GH_OK) << host_.lastError();

  EXPECT_TRUE(test::parse(exchange.upstream().requests()[0].body)["stream"].GetBool());
  const rapidjson::Document expected = test::parse(test::readFixture("streams/tool_use.chunks.json"));
  ASSERT_EQ(exchange.events().size(), expected.Size());
  for (rapidjson::SizeType i = 0; i < expected.Size(); ++i) {
    rapidjson::Document chunk = test::parse(exchange.events()[i]);
    // The fixture was written for a fixed identity; this one is the live request's.
    EXPECT_STREQ(chunk["id"].GetString(), "chatcmpl-req-42");
    EXPECT_STREQ(chunk["model"].GetString(), "claude");
    chunk["id"].SetString("chatcmpl-req-1");
    chunk["model"].SetString("claude-test");
    chunk["created"].SetInt(1700000000);
    EXPECT_TRUE(test::sameJson(test::dump(chunk), expected[i])) << "chunk " << i;
  }
  ASSERT_TRUE(exchange.usage());
  EXPECT_EQ(exchange.usage()->prompt_tokens, 472);
  EXPECT_EQ(exchange.usage()->completion_tokens, 89);
  expectCleanUpstream(exchange);
}

TEST_F(AnthropicPluginTest, StopsStreamingWhenTheClientGoesAway) {
  FakeExchange exchange = chat(R"({"model":"claude","messages":[{"role":"user","content":"x"}]})", true);
  exchange.disconnectAfter(2);
  exchange.upstream().respond(FakeUpstreamResponse::events(200, transcriptEvents("tool_use.sse")));
  EXPECT_EQ(host_.handle("claude-prod", exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.events().size(), 2u);
  EXPECT_TRUE(exchange.cancelled());
  ASSERT_TRUE(exchange.usage()) << "an abandoned stream is still billed";
  EXPECT_EQ(exchange.usage()->prompt_tokens, 472);
  const auto opened = exchange.upstream().opened();
  ASSERT_EQ(opened.size(), 1u);
  EXPECT_TRUE(opened[0]->closed());
  EXPECT_FALSE(opened[0]->closedByHost()) << "the plugin closes the upstream itself";
  EXPECT_FALSE(opened[0]->fullyRead());
}

TEST_F(AnthropicPluginTest, AMidStreamErrorEndsTheStreamWithItsStatus) {
  FakeExchange exchange = chat(R"({"model":"claude","messages":[{"role":"user","content":"x"}]})", true);
  exchange.upstream().respond(FakeUpstreamResponse::events(200, transcriptEvents("overloaded.sse")));
  EXPECT_EQ(host_.handle("claude-prod", exchange), GH_ERROR_UNAVAILABLE);
  EXPECT_NE(host_.lastError().find("Overloaded"), std::string::npos) << host_.lastError();
  EXPECT_EQ(content(exchange), "Partial");
  ASSERT_TRUE(exchange.usage());
  EXPECT_EQ(exchange.usage()->prompt_tokens, 12);
  EXPECT_TRUE(exchange.upstream().misuses().empty());
}

TEST_F(AnthropicPluginTest, AStreamCutOffUpstreamFailsTheRequest) {
  FakeExchange exchange = chat(R"({"model":"claude","messages":[{"role":"user","content":"x"}]})", true);
  exchange.upstream().respond(
      FakeUpstreamResponse::events(200, transcriptEvents("text.sse"))
          .failAfter(4, GH_ERROR_UPSTREAM, "upstream closed the connection mid-body"));
  EXPECT_EQ(host_.handle("claude-prod", exchange), GH_ERROR_UPSTREAM);
  EXPECT_EQ(host_.lastError(), "upstream closed the connection mid-body");
  EXPECT_EQ(content(exchange), "Hello");
  EXPECT_TRUE(exchange.usage());
}

TEST_F(AnthropicPluginTest, AStreamEndingWithoutMessageStopFailsTheRequest) {
  FakeExchange exchange = chat(R"({"model":"claude","messages":[{"role":"user","content":"x"}]})", true);
  exchange.upstream().respond(FakeUpstreamResponse::events(200, transcriptEvents("truncated.sse")));
  EXPECT_EQ(host_.handle("claude-prod", exchange), GH_ERROR_UPSTREAM);
  EXPECT_NE(host_.lastError().find("message_stop"), std::string::npos) << host_.lastError();
}

TEST_F(AnthropicPluginTest, AnUpstreamErrorStatusIsAnsweredInOpenAisShape) {
  FakeExchange exchange = chat();
  exchange.upstream().respond(FakeUpstreamResponse::body(
      529,
      R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"},"request_id":"req_1"})"));
  ASSERT_EQ(host_.handle("claude-prod", exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.status(), 503);
  const rapidjson::Document body = test::parse(exchange.responseBody());
  EXPECT_STREQ(body["error"]["message"].GetString(), "anthropic provider 'claude-prod': Overloaded");
  EXPECT_STREQ(body["error"]["code"].GetString(), "overloaded_error");
  EXPECT_FALSE(exchange.usage());
  expectCleanUpstream(exchange);
}

TEST_F(AnthropicPluginTest, TheCompanyKeyNeverReachesTheClient) {
  FakeExchange exchange = chat();
  exchange.upstream().respond(FakeUpstreamResponse::body(
      401,
      std::string(R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key )") +
          kKey + R"("}})"));
  ASSERT_EQ(host_.handle("claude-prod", exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.status(), 401);
  EXPECT_EQ(exchange.responseBody().find(kKey), std::string::npos) << exchange.responseBody();
  EXPECT_EQ(exchange.responseBody().find("company-key"), std::string::npos) << exchange.responseBody();
  for (const auto& line : host_.logs().lines()) {
    EXPECT_EQ(line.message.find(kKey), std::string::npos) << line.message;
  }
}

TEST_F(AnthropicPluginTest, SendsThePoolCredentialInsteadOfTheCompanyKey) {
  FakeExchange exchange = chat();
  exchange.setCredential(kPoolKey);
  exchange.upstream().respond(FakeUpstreamResponse::body(200, kMessage));
  ASSERT_EQ(host_.handle("claude-prod", exchange), GH_OK) << host_.lastError();
  expectPoolKeySent(exchange);
  EXPECT_EQ(exchange.status(), 200);
}

TEST_F(AnthropicPluginTest, StreamsAndListsModelsWithThePoolCredential) {
  FakeExchange stream = chat(R"({"model":"claude","messages":[{"role":"user","content":"x"}]})", true);
  stream.setCredential(kPoolKey);
  stream.upstream().respond(FakeUpstreamResponse::events(200, transcriptEvents("text.sse")));
  ASSERT_EQ(host_.handle("claude-prod", stream), GH_OK) << host_.lastError();
  expectPoolKeySent(stream);

  FakeExchange models = chat();
  models.setEndpoint(GH_ENDPOINT_MODELS).setCredential(kPoolKey);
  models.upstream()
      .respond(FakeUpstreamResponse::body(
          200, R"({"data":[{"type":"model","id":"claude-a"}],"has_more":true,"last_id":"claude-a"})"))
      .respond(
          FakeUpstreamResponse::body(200, R"({"data":[{"type":"model","id":"claude-b"}],"has_more":false})"));
  ASSERT_EQ(host_.handle("claude-prod", models), GH_OK) << host_.lastError();
  EXPECT_EQ(models.upstream().requests().size(), 2u);
  expectPoolKeySent(models);
}

TEST_F(AnthropicPluginTest, ThePoolCredentialNeverReachesTheClient) {
  FakeExchange refused = chat();
  refused.setCredential(kPoolKey);
  refused.upstream().respond(FakeUpstreamResponse::body(
      401,
      std::string(R"({"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key )") +
          kPoolKey + R"("}})"));
  ASSERT_EQ(host_.handle("claude-prod", refused), GH_OK) << host_.lastError();
  EXPECT_EQ(refused.status(), 401);
  EXPECT_STREQ(test::parse(refused.responseBody())["error"]["message"].GetString(),
               "anthropic provider 'claude-prod': invalid x-api-key [REDACTED]");
  expectNoPoolKeyLeak(refused);

  FakeExchange stream = chat(R"({"model":"claude","messages":[{"role":"user","content":"x"}]})", true);
  stream.setCredential(kPoolKey);
  stream.upstream().respond(FakeUpstreamResponse::events(
      200, {FakeSseEvent{std::string(R"({"type":"error","error":{"type":"api_error","message":"key )") +
                             kPoolKey + R"( failed"}})",
                         "error",
                         {}}}));
  EXPECT_EQ(host_.handle("claude-prod", stream), GH_ERROR_UPSTREAM);
  EXPECT_EQ(host_.lastError(), "anthropic provider 'claude-prod': key [REDACTED] failed (api_error)");
  expectNoPoolKeyLeak(stream);

  FakeExchange models = chat();
  models.setEndpoint(GH_ENDPOINT_MODELS).setCredential(kPoolKey);
  models.upstream().respond(FakeUpstreamResponse::body(
      403, std::string(R"({"type":"error","error":{"type":"permission_error","message":"key )") + kPoolKey +
               R"( may not list models"}})"));
  ASSERT_EQ(host_.handle("claude-prod", models), GH_OK) << host_.lastError();
  EXPECT_EQ(models.status(), 403);
  expectNoPoolKeyLeak(models);
}

TEST_F(AnthropicPluginTest, ASendFailureKeepsTheHostsStatus) {
  FakeExchange exchange = chat();
  exchange.upstream().respond(FakeUpstreamResponse::sendFailure(
      GH_ERROR_UPSTREAM_TIMEOUT, "upstream anthropic.test did not answer in time"));
  EXPECT_EQ(host_.handle("claude-prod", exchange), GH_ERROR_UPSTREAM_TIMEOUT);
  EXPECT_EQ(host_.lastError(), "upstream anthropic.test did not answer in time");
}

TEST_F(AnthropicPluginTest, ARefusedFieldSendsNothingUpstream) {
  FakeExchange exchange = chat(R"({"model":"claude","messages":[{"role":"user","content":"x"}],"n":3})");
  EXPECT_EQ(host_.handle("claude-prod", exchange), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(host_.lastError().find("'n'"), std::string::npos) << host_.lastError();
  EXPECT_TRUE(exchange.upstream().requests().empty());
  EXPECT_FALSE(exchange.responded());
}

TEST_F(AnthropicPluginTest, OtherEndpointsAreUnsupported) {
  for (gh_endpoint endpoint : {GH_ENDPOINT_EMBEDDINGS, GH_ENDPOINT_IMAGES, GH_ENDPOINT_AUDIO_SPEECH,
                               GH_ENDPOINT_AUDIO_TRANSCRIPTION}) {
    FakeExchange exchange = chat();
    exchange.setEndpoint(endpoint);
    EXPECT_EQ(host_.handle("claude-prod", exchange), GH_ERROR_UNSUPPORTED);
    EXPECT_NE(host_.lastError().find("does not support"), std::string::npos) << host_.lastError();
    EXPECT_TRUE(exchange.upstream().requests().empty());
  }
  FakeExchange embeddings = chat();
  embeddings.setEndpoint(GH_ENDPOINT_EMBEDDINGS);
  host_.handle("claude-prod", embeddings);
  EXPECT_EQ(host_.lastError(), "the anthropic provider does not support embeddings");
}

TEST_F(AnthropicPluginTest, ListsTheUpstreamModelsAcrossPages) {
  FakeExchange exchange = chat();
  exchange.setEndpoint(GH_ENDPOINT_MODELS);
  exchange.upstream()
      .respond(FakeUpstreamResponse::body(
          200, R"({"data":[{"type":"model","id":"claude-opus-4-20250514",)"
               R"("created_at":"2025-05-22T00:00:00Z"}],"has_more":true,)"
               R"("first_id":"claude-opus-4-20250514","last_id":"claude-opus-4-20250514"})"))
      .respond(FakeUpstreamResponse::body(
          200, R"({"data":[{"type":"model","id":"claude-3-haiku-20240307",)"
               R"("created_at":"2024-03-07T00:00:00Z"}],"has_more":false,)"
               R"("first_id":"claude-3-haiku-20240307","last_id":"claude-3-haiku-20240307"})"));
  ASSERT_EQ(host_.handle("claude-prod", exchange), GH_OK) << host_.lastError();
  const auto& requests = exchange.upstream().requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].method, "GET");
  EXPECT_EQ(requests[0].url, "https://anthropic.test/v1/models?limit=1000");
  EXPECT_EQ(requests[1].url, "https://anthropic.test/v1/models?limit=1000&after_id=claude-opus-4-20250514");
  EXPECT_EQ(requests[1].header("x-api-key"), kKey);
  EXPECT_EQ(exchange.status(), 200);
  const rapidjson::Document list = test::parse(exchange.responseBody());
  EXPECT_STREQ(list["object"].GetString(), "list");
  ASSERT_EQ(list["data"].Size(), 2u);
  EXPECT_STREQ(list["data"][1]["id"].GetString(), "claude-3-haiku-20240307");
  EXPECT_STREQ(list["data"][1]["owned_by"].GetString(), "anthropic");
  expectCleanUpstream(exchange);
}

TEST_F(AnthropicPluginTest, AModelListErrorIsAnsweredInOpenAisShape) {
  FakeExchange exchange = chat();
  exchange.setEndpoint(GH_ENDPOINT_MODELS);
  exchange.upstream().respond(FakeUpstreamResponse::body(
      403, R"({"type":"error","error":{"type":"permission_error","message":"Not allowed"}})"));
  ASSERT_EQ(host_.handle("claude-prod", exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.status(), 403);
  EXPECT_STREQ(test::parse(exchange.responseBody())["error"]["code"].GetString(), "permission_error");
}

TEST(AnthropicPluginCreate, RefusesABadConfigOrAnUnresolvableKey) {
  PluginLibrary library{GATEHOUSE_ANTHROPIC_PLUGIN_PATH};
  FakeHost host{"anthropic"};
  ASSERT_EQ(host.init(library.descriptor()), GH_OK) << host.lastError();
  EXPECT_EQ(host.createProvider("a", R"({"api_key":"env:K","colour":"blue"})"), GH_ERROR_CONFIG);
  EXPECT_NE(host.lastError().find("unknown key 'colour'"), std::string::npos) << host.lastError();
  EXPECT_EQ(host.createProvider("b", R"({"api_key":"env:MISSING_KEY"})"), GH_ERROR_NOT_FOUND);
  EXPECT_NE(host.lastError().find("env:MISSING_KEY"), std::string::npos) << host.lastError();
  EXPECT_EQ(host.createProvider("c", R"({"api_key":"sk-ant-pasted-instead-of-a-reference"})"),
            GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(host.lastError().find("sk-ant-pasted"), std::string::npos) << host.lastError();
}

TEST(AnthropicPluginCreate, AcceptsAConfigWithoutAKeyAndServesWithAPoolCredential) {
  PluginLibrary library{GATEHOUSE_ANTHROPIC_PLUGIN_PATH};
  FakeHost host{"anthropic"};
  ASSERT_EQ(host.init(library.descriptor()), GH_OK) << host.lastError();
  ASSERT_EQ(host.createProvider("a", "{}"), GH_OK) << host.lastError();
  FakeExchange exchange;
  exchange.setBody(R"({"messages":[{"role":"user","content":"x"}]})").setCredential(kPoolKey);
  exchange.upstream().respond(FakeUpstreamResponse::body(200, kMessage));
  ASSERT_EQ(host.handle("a", exchange), GH_OK) << host.lastError();
  EXPECT_EQ(exchange.upstream().requests().at(0).header("x-api-key"), kPoolKey);
}

TEST(AnthropicPluginCreate, ARequestWithNeitherKeyNorCredentialFailsBeforeSending) {
  PluginLibrary library{GATEHOUSE_ANTHROPIC_PLUGIN_PATH};
  FakeHost host{"anthropic"};
  ASSERT_EQ(host.init(library.descriptor()), GH_OK) << host.lastError();
  ASSERT_EQ(host.createProvider("a", R"({"base_url":"https://anthropic.test"})"), GH_OK) << host.lastError();
  for (const gh_endpoint endpoint : {GH_ENDPOINT_CHAT_COMPLETIONS, GH_ENDPOINT_MODELS}) {
    FakeExchange exchange;
    exchange.setEndpoint(endpoint).setBody(R"({"messages":[{"role":"user","content":"x"}]})");
    exchange.upstream().respond(FakeUpstreamResponse::body(200, kMessage));
    EXPECT_EQ(host.handle("a", exchange), GH_ERROR_UNAVAILABLE) << endpoint;
    EXPECT_EQ(host.lastError(), kNoKeyError);
    EXPECT_TRUE(exchange.upstream().requests().empty()) << "a keyless request went upstream";
    EXPECT_FALSE(exchange.responded());
  }
}

TEST(AnthropicPluginCreate, ReadsTheKeyFromAFile) {
  PluginLibrary library{GATEHOUSE_ANTHROPIC_PLUGIN_PATH};
  FakeHost host{"anthropic"};
  host.secrets().setFile("/run/secrets/anthropic", "sk-ant-from-file\n");
  ASSERT_EQ(host.init(library.descriptor()), GH_OK) << host.lastError();
  ASSERT_EQ(host.createProvider("a", R"({"api_key":"file:/run/secrets/anthropic"})"), GH_OK)
      << host.lastError();
  FakeExchange exchange;
  exchange.setBody(R"({"messages":[{"role":"user","content":"x"}]})")
      .setUpstreamModel("claude-3-haiku-20240307");
  exchange.upstream().respond(FakeUpstreamResponse::body(200, kMessage));
  ASSERT_EQ(host.handle("a", exchange), GH_OK) << host.lastError();
  EXPECT_EQ(exchange.upstream().requests().at(0).header("x-api-key"), "sk-ant-from-file");
  EXPECT_EQ(exchange.upstream().requests().at(0).url, "https://api.anthropic.com/v1/messages");
}

} // namespace
} // namespace gatehouse::plugins::anthropic
