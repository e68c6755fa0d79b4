// GeminiProvider::handle end to end: the built plugin in the SDK's FakeHost, talking to its
// scripted fake upstream. Checks what went upstream (URL, headers, body), what the client got,
// the usage reported, and that every upstream response was closed.
#include <gatehouse/testing/fake_host.hpp>
#include <gatehouse/testing/plugin_library.hpp>

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../pool_key_checks.hpp"
#include "gemini_test_support.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using gatehouse::testing::expectEveryRequestCarries;
using gatehouse::testing::expectNothingVisibleHolds;
using gatehouse::testing::FakeExchange;
using gatehouse::testing::FakeHost;
using gatehouse::testing::FakeUpstreamResponse;
using gatehouse::testing::PluginLibrary;
using testing::parsed;
using testing::readFixture;
using testing::sameJson;
using testing::sseData;

constexpr const char* kKey = "AIzaSyCompanyKey-0123456789abcdefghijklm";
// A credential from the provider's pool; looks like no known key format, so only redacting
// the exchange's own key removes it.
constexpr const char* kPoolKey = "pool-key-gemini-Rt5Lw2Hx";
constexpr const char* kChat = R"({"model":"gemini-flash","messages":[{"role":"user","content":"Hello!"}]})";

class GeminiProviderTest : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_EQ(host_.init(library_.descriptor()), GH_OK) << host_.lastError();
    host_.secrets().setEnv("GEMINI_KEY", kKey);
    ASSERT_EQ(host_.createProvider("google", R"({"base_url":"https://gemini.test/","api_key":"env:GEMINI_KEY",
        "safety_settings":[{"category":"HARM_CATEGORY_HARASSMENT","threshold":"BLOCK_NONE"}],
        "extra_headers":{"x-goog-user-project":"acme"}})"),
              GH_OK)
        << host_.lastError();
  }

  static FakeExchange chat(std::string body = kChat, bool stream = false) {
    FakeExchange exchange;
    exchange.setBody(std::move(body))
        .setModel("gemini-flash")
        .setUpstreamModel("gemini-2.0-flash")
        .setRequestId("req-1")
        .setStream(stream);
    return exchange;
  }

  // A 200 streamGenerateContent answer with the data of each event of `transcript`.
  static FakeUpstreamResponse stream(const std::string& transcript) {
    return FakeUpstreamResponse::dataEvents(sseData(transcript));
  }

  static void expectClosedAndWellUsed(const FakeExchange& exchange) {
    EXPECT_EQ(exchange.upstream().leftOpen(), 0u);
    EXPECT_EQ(exchange.upstream().closedByHost(), 0u);
    EXPECT_TRUE(exchange.upstream().misuses().empty()) << exchange.upstream().misuses().front();
  }

  static void expectPoolKeySent(const FakeExchange& exchange) {
    expectEveryRequestCarries(exchange, "x-goog-api-key", kPoolKey, kKey);
  }

  void expectNoPoolKeyLeak(const FakeExchange& exchange) const {
    expectNothingVisibleHolds(host_, exchange, kPoolKey);
  }

  PluginLibrary library_{GATEHOUSE_GEMINI_PLUGIN_PATH};
  FakeHost host_{"gemini"};
};

TEST_F(GeminiProviderTest, SendsTheTranslatedRequestToGenerateContent) {
  FakeExchange exchange = chat();
  exchange.upstream().respond(FakeUpstreamResponse::body(
      200, providers::toJson(parsed(readFixture("responses/text.json"))["gemini_response"])));
  ASSERT_EQ(host_.handle("google", exchange), GH_OK) << host_.lastError();

  ASSERT_EQ(exchange.upstream().requests().size(), 1u);
  const auto& request = exchange.upstream().requests()[0];
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.url, "https://gemini.test/v1beta/models/gemini-2.0-flash:generateContent");
  EXPECT_EQ(request.header("x-goog-api-key"), kKey);
  EXPECT_EQ(request.header("content-type"), "application/json");
  EXPECT_EQ(request.header("x-goog-user-project"), "acme");
  EXPECT_TRUE(sameJson(request.body, R"({"contents":[{"role":"user","parts":[{"text":"Hello!"}]}],
      "safetySettings":[{"category":"HARM_CATEGORY_HARASSMENT","threshold":"BLOCK_NONE"}]})"));
  expectClosedAndWellUsed(exchange);
}

TEST_F(GeminiProviderTest, AnswersWithTheTranslatedCompletionAndReportsUsage) {
  const rapidjson::Document fixture = parsed(readFixture("responses/text.json"));
  FakeExchange exchange = chat();
  exchange.upstream().respond(FakeUpstreamResponse::body(200, providers::toJson(fixture["gemini_response"])));
  ASSERT_EQ(host_.handle("google", exchange), GH_OK) << host_.lastError();

  EXPECT_EQ(exchange.status(), 200);
  EXPECT_EQ(exchange.contentType(), "application/json");
  rapidjson::Document body = parsed(exchange.responseBody());
  ASSERT_TRUE(body["created"].IsInt64());
  body["created"] = fixture["openai_response"]["created"].GetInt64(); // the clock's, not the fixture's
  EXPECT_TRUE(sameJson(providers::toJson(body), fixture["openai_response"]));
  ASSERT_TRUE(exchange.usage());
  EXPECT_EQ(exchange.usage()->prompt_tokens, 21);
  EXPECT_EQ(exchange.usage()->completion_tokens, 13);
}

TEST_F(GeminiProviderTest, AnswersABlockedPromptWithA400AndStillReportsItsTokens) {
  const rapidjson::Document fixture = parsed(readFixture("responses/blocked_prompt.json"));
  FakeExchange exchange = chat();
  exchange.upstream().respond(FakeUpstreamResponse::body(200, providers::toJson(fixture["gemini_response"])));
  ASSERT_EQ(host_.handle("google", exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.status(), 400);
  EXPECT_TRUE(sameJson(exchange.responseBody(), fixture["openai_error"]));
  ASSERT_TRUE(exchange.usage());
  EXPECT_EQ(exchange.usage()->prompt_tokens, 9);
  EXPECT_EQ(exchange.usage()->completion_tokens, 0);
}

TEST_F(GeminiProviderTest, UsesTheClientModelWhenNoUpstreamModelIsConfigured) {
  FakeExchange exchange = chat();
  exchange.setUpstreamModel("");
  exchange.upstream().respond(
      FakeUpstreamResponse::body(500, R"({"error":{"code":500,"status":"INTERNAL"}})"));
  ASSERT_EQ(host_.handle("google", exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.upstream().requests().at(0).url,
            "https://gemini.test/v1beta/models/gemini-flash:generateContent");
}

TEST_F(GeminiProviderTest, TranslatesAnUpstreamErrorWithoutTheKey) {
  FakeExchange exchange = chat();
  exchange.upstream().respond(FakeUpstreamResponse::body(
      429, std::string(R"({"error":{"code":429,"message":"Quota exceeded for key )") + kKey +
               R"(","status":"RESOURCE_EXHAUSTED"}})"));
  ASSERT_EQ(host_.handle("google", exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.status(), 429);
  EXPECT_TRUE(sameJson(exchange.responseBody(),
                       R"({"error":{"message":"provider 'google': Quota exceeded for key [REDACTED]",)"
                       R"("type":"rate_limit_error","param":null,"code":"resource_exhausted"}})"));
  EXPECT_EQ(exchange.responseBody().find(kKey), std::string::npos);
  EXPECT_FALSE(exchange.usage());
  expectClosedAndWellUsed(exchange);
}

TEST_F(GeminiProviderTest, SendsThePoolCredentialInsteadOfTheConfiguredKey) {
  FakeExchange exchange = chat();
  exchange.setCredential(kPoolKey);
  exchange.upstream().respond(FakeUpstreamResponse::body(
      200, providers::toJson(parsed(readFixture("responses/text.json"))["gemini_response"])));
  ASSERT_EQ(host_.handle("google", exchange), GH_OK) << host_.lastError();
  expectPoolKeySent(exchange);
  EXPECT_EQ(exchange.status(), 200);
}

TEST_F(GeminiProviderTest, StreamsEmbedsAndListsModelsWithThePoolCredential) {
  FakeExchange streamed = chat(R"({"messages":[{"role":"user","content":"A story"}]})", true);
  streamed.setCredential(kPoolKey);
  streamed.upstream().respond(stream(readFixture("streams/long_text.sse")));
  ASSERT_EQ(host_.handle("google", streamed), GH_OK) << host_.lastError();
  expectPoolKeySent(streamed);

  FakeExchange embeddings;
  embeddings.setEndpoint(GH_ENDPOINT_EMBEDDINGS).setBody(R"({"input":["a"]})").setCredential(kPoolKey);
  embeddings.upstream().respond(FakeUpstreamResponse::body(200, R"({"embeddings":[{"values":[1]}]})"));
  ASSERT_EQ(host_.handle("google", embeddings), GH_OK) << host_.lastError();
  expectPoolKeySent(embeddings);

  FakeExchange models;
  models.setEndpoint(GH_ENDPOINT_MODELS).setBody("").setCredential(kPoolKey);
  models.upstream().respond(
      FakeUpstreamResponse::body(200, R"({"models":[{"name":"models/a"}],"nextPageToken":"2"})"));
  models.upstream().respond(FakeUpstreamResponse::body(200, R"({"models":[{"name":"models/b"}]})"));
  ASSERT_EQ(host_.handle("google", models), GH_OK) << host_.lastError();
  EXPECT_EQ(models.upstream().requests().size(), 2u);
  expectPoolKeySent(models);
}

TEST_F(GeminiProviderTest, ThePoolCredentialNeverReachesTheClient) {
  FakeExchange refused = chat();
  refused.setCredential(kPoolKey);
  refused.upstream().respond(FakeUpstreamResponse::body(
      429, std::string(R"({"error":{"code":429,"message":"Quota exceeded for key )") + kPoolKey +
               R"(","status":"RESOURCE_EXHAUSTED"}})"));
  ASSERT_EQ(host_.handle("google", refused), GH_OK) << host_.lastError();
  EXPECT_EQ(refused.status(), 429);
  EXPECT_STREQ(parsed(refused.responseBody())["error"]["message"].GetString(),
               "provider 'google': Quota exceeded for key [REDACTED]");
  expectNoPoolKeyLeak(refused);

  FakeExchange streamed = chat(R"({"messages":[{"role":"user","content":"x"}]})", true);
  streamed.setCredential(kPoolKey);
  streamed.upstream().respond(FakeUpstreamResponse::dataEvents(
      {R"({"candidates":[{"content":{"parts":[{"text":"Hi"}],"role":"model"},"index":0}]})",
       std::string(R"({"error":{"code":500,"message":"key )") + kPoolKey +
           R"( broke","status":"INTERNAL"}})"}));
  EXPECT_EQ(host_.handle("google", streamed), GH_ERROR_UPSTREAM);
  EXPECT_EQ(host_.lastError().rfind("provider 'google': key [REDACTED] broke", 0), 0u) << host_.lastError();
  expectNoPoolKeyLeak(streamed);

  FakeExchange models;
  models.setEndpoint(GH_ENDPOINT_MODELS).setBody("").setCredential(kPoolKey);
  models.upstream().respond(
      FakeUpstreamResponse::body(403, std::string(R"({"error":{"code":403,"message":"key )") + kPoolKey +
                                          R"( may not list models","status":"PERMISSION_DENIED"}})"));
  ASSERT_EQ(host_.handle("google", models), GH_OK) << host_.lastError();
  EXPECT_EQ(models.status(), 403);
  expectNoPoolKeyLeak(models);
}

TEST_F(GeminiProviderTest, PassesOnAFailedSendWithTheHostsStatus) {
  FakeExchange exchange = chat();
  exchange.upstream().respond(FakeUpstreamResponse::sendFailure(
      GH_ERROR_UPSTREAM_TIMEOUT, "no response from gemini.test:443 within 600000 ms"));
  EXPECT_EQ(host_.handle("google", exchange), GH_ERROR_UPSTREAM_TIMEOUT);
  EXPECT_EQ(host_.lastError(), "no response from gemini.test:443 within 600000 ms");
  EXPECT_FALSE(exchange.responded());
}

TEST_F(GeminiProviderTest, StreamsFromStreamGenerateContent) {
  const std::string transcript = readFixture("streams/long_text.sse");
  FakeExchange exchange = chat(R"({"messages":[{"role":"user","content":"A story"}],"stream":true,)"
                               R"("stream_options":{"include_usage":true}})",
                               true);
  exchange.upstream().respond(stream(transcript));
  ASSERT_EQ(host_.handle("google", exchange), GH_OK) << host_.lastError();

  EXPECT_EQ(exchange.upstream().requests().at(0).url,
            "https://gemini.test/v1beta/models/gemini-2.0-flash:streamGenerateContent?alt=sse");
  const std::vector<std::string>& events = exchange.events();
  ASSERT_EQ(events.size(), 203u); // role, 200 pieces, finish, usage
  std::string content;
  for (std::size_t i = 1; i <= 200; ++i) {
    content += parsed(events[i])["choices"][0]["delta"]["content"].GetString();
  }
  EXPECT_EQ(content.substr(0, 26), "Once upon a time, in a val");
  EXPECT_STREQ(parsed(events[201])["choices"][0]["finish_reason"].GetString(), "stop");
  EXPECT_EQ(parsed(events[202])["usage"]["completion_tokens"].GetInt(), 440);
  ASSERT_TRUE(exchange.usage());
  EXPECT_EQ(exchange.usage()->completion_tokens, 440);
  EXPECT_EQ(exchange.usage()->reasoning_tokens, 40);
  expectClosedAndWellUsed(exchange);
}

TEST_F(GeminiProviderTest, StopsWhenTheClientLeavesAndReportsWhatItHad) {
  FakeExchange exchange = chat(R"({"messages":[{"role":"user","content":"A story"}]})", true);
  exchange.disconnectAfter(5);
  exchange.upstream().respond(stream(readFixture("streams/long_text.sse")));
  ASSERT_EQ(host_.handle("google", exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.events().size(), 5u);
  ASSERT_TRUE(exchange.usage());
  EXPECT_EQ(exchange.usage()->completion_tokens, 10); // the running count of the 5th event
  expectClosedAndWellUsed(exchange);
  EXPECT_FALSE(exchange.upstream().opened().at(0)->fullyRead());
}

TEST_F(GeminiProviderTest, FailsAStreamTheUpstreamCutOff) {
  FakeExchange exchange = chat(R"({"messages":[{"role":"user","content":"A story"}]})", true);
  exchange.upstream().respond(
      stream(readFixture("streams/long_text.sse"))
          .failAfter(3, GH_ERROR_UPSTREAM, "upstream closed the connection mid-body"));
  EXPECT_EQ(host_.handle("google", exchange), GH_ERROR_UPSTREAM);
  EXPECT_EQ(host_.lastError(), "upstream closed the connection mid-body");
  EXPECT_EQ(exchange.events().size(), 4u);
  ASSERT_TRUE(exchange.usage());
  EXPECT_EQ(exchange.usage()->completion_tokens, 6);
  expectClosedAndWellUsed(exchange);
}

TEST_F(GeminiProviderTest, EndsAStreamWithAnErrorWhenGeminiSendsOne) {
  FakeExchange exchange = chat(R"({"messages":[{"role":"user","content":"x"}]})", true);
  exchange.upstream().respond(stream(readFixture("streams/midstream_error.sse")));
  EXPECT_EQ(host_.handle("google", exchange), GH_ERROR_UPSTREAM);
  EXPECT_EQ(host_.lastError().rfind("provider 'google': An internal error has occurred.", 0), 0u)
      << host_.lastError();
  EXPECT_EQ(exchange.events().size(), 3u);
  ASSERT_TRUE(exchange.usage());
  EXPECT_EQ(exchange.usage()->completion_tokens, 6);
}

TEST_F(GeminiProviderTest, AnswersAnErrorEventBeforeAnyChunkWithItsStatus) {
  FakeExchange exchange = chat(R"({"messages":[{"role":"user","content":"x"}]})", true);
  exchange.upstream().respond(FakeUpstreamResponse::dataEvents(
      {R"({"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).",)"
       R"("status":"RESOURCE_EXHAUSTED"}})"}));
  ASSERT_EQ(host_.handle("google", exchange), GH_OK) << host_.lastError();
  EXPECT_TRUE(exchange.events().empty());
  EXPECT_EQ(exchange.status(), 429);
  EXPECT_STREQ(parsed(exchange.responseBody())["error"]["code"].GetString(), "resource_exhausted");
}

TEST_F(GeminiProviderTest, AnswersAStreamRefusedByStatusWithTheTranslatedError) {
  FakeExchange exchange = chat(R"({"messages":[{"role":"user","content":"x"}]})", true);
  exchange.upstream().respond(FakeUpstreamResponse::body(
      503, R"({"error":{"code":503,"message":"The model is overloaded. Please try again later.",)"
           R"("status":"UNAVAILABLE"}})"));
  ASSERT_EQ(host_.handle("google", exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.status(), 503);
  EXPECT_TRUE(exchange.events().empty());
  expectClosedAndWellUsed(exchange);
}

TEST_F(GeminiProviderTest, AnswersABlockedStreamedPromptWithA400) {
  FakeExchange exchange = chat(R"({"messages":[{"role":"user","content":"x"}]})", true);
  exchange.upstream().respond(stream(readFixture("streams/blocked_prompt.sse")));
  ASSERT_EQ(host_.handle("google", exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.status(), 400);
  EXPECT_STREQ(parsed(exchange.responseBody())["error"]["code"].GetString(), "content_filter");
  ASSERT_TRUE(exchange.usage());
  EXPECT_EQ(exchange.usage()->prompt_tokens, 10);
}

TEST_F(GeminiProviderTest, BatchesEmbeddingsAHundredAtATime) {
  std::string input;
  for (int i = 0; i < 150; ++i) {
    input += std::string(i == 0 ? "" : ",") + "\"text number " + std::to_string(i) + "\"";
  }
  FakeExchange exchange;
  exchange.setEndpoint(GH_ENDPOINT_EMBEDDINGS)
      .setModel("embedder")
      .setUpstreamModel("text-embedding-004")
      .setBody(R"({"model":"embedder","input":[)" + input + R"(],"dimensions":2})");
  std::string first = R"({"embeddings":[)";
  for (int i = 0; i < 100; ++i) {
    first += std::string(i == 0 ? "" : ",") + R"({"values":[)" + std::to_string(i) + ",0.5]}";
  }
  std::string second = R"({"embeddings":[)";
  for (int i = 100; i < 150; ++i) {
    second += std::string(i == 100 ? "" : ",") + R"({"values":[)" + std::to_string(i) + ",0.5]}";
  }
  exchange.upstream().respond(FakeUpstreamResponse::body(200, first + "]}"));
  exchange.upstream().respond(FakeUpstreamResponse::body(200, second + "]}"));
  ASSERT_EQ(host_.handle("google", exchange), GH_OK) << host_.lastError();

  ASSERT_EQ(exchange.upstream().requests().size(), 2u);
  EXPECT_EQ(exchange.upstream().requests()[0].url,
            "https://gemini.test/v1beta/models/text-embedding-004:batchEmbedContents");
  EXPECT_EQ(parsed(exchange.upstream().requests()[0].body)["requests"].Size(), 100u);
  const rapidjson::Document secondBatch = parsed(exchange.upstream().requests()[1].body);
  ASSERT_EQ(secondBatch["requests"].Size(), 50u);
  EXPECT_STREQ(secondBatch["requests"][0]["content"]["parts"][0]["text"].GetString(), "text number 100");
  EXPECT_EQ(secondBatch["requests"][0]["outputDimensionality"].GetInt(), 2);

  EXPECT_EQ(exchange.status(), 200);
  const rapidjson::Document body = parsed(exchange.responseBody());
  ASSERT_EQ(body["data"].Size(), 150u);
  for (rapidjson::SizeType i = 0; i < 150; ++i) {
    EXPECT_EQ(body["data"][i]["index"].GetUint(), i);
    EXPECT_EQ(body["data"][i]["embedding"][0].GetDouble(), static_cast<double>(i));
  }
  EXPECT_STREQ(body["model"].GetString(), "embedder");
  ASSERT_TRUE(exchange.usage());
  EXPECT_EQ(exchange.usage()->prompt_tokens, body["usage"]["prompt_tokens"].GetInt64());
  EXPECT_GT(exchange.usage()->prompt_tokens, 0);
  expectClosedAndWellUsed(exchange);
}

TEST_F(GeminiProviderTest, StopsEmbeddingAtTheFirstFailedBatch) {
  std::string input;
  for (int i = 0; i < 101; ++i) {
    input += std::string(i == 0 ? "" : ",") + "\"t\"";
  }
  FakeExchange exchange;
  exchange.setEndpoint(GH_ENDPOINT_EMBEDDINGS).setBody(R"({"input":[)" + input + "]}");
  exchange.upstream().respond(FakeUpstreamResponse::body(
      400, R"({"error":{"code":400,"message":"Request payload size exceeds the limit",)"
           R"("status":"INVALID_ARGUMENT"}})"));
  exchange.upstream().respond(FakeUpstreamResponse::body(200, R"({"embeddings":[{"values":[1]}]})"));
  ASSERT_EQ(host_.handle("google", exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.status(), 400);
  EXPECT_EQ(exchange.upstream().requests().size(), 1u);
  EXPECT_EQ(exchange.upstream().unused(), 1u);
  EXPECT_FALSE(exchange.usage());
}

TEST_F(GeminiProviderTest, ListsTheUpstreamModelsAcrossPages) {
  FakeExchange exchange;
  exchange.setEndpoint(GH_ENDPOINT_MODELS).setBody("");
  exchange.upstream().respond(FakeUpstreamResponse::body(
      200, R"({"models":[{"name":"models/gemini-2.0-flash"}],"nextPageToken":"page/2+"})"));
  exchange.upstream().respond(
      FakeUpstreamResponse::body(200, R"({"models":[{"name":"models/text-embedding-004"}]})"));
  ASSERT_EQ(host_.handle("google", exchange), GH_OK) << host_.lastError();

  ASSERT_EQ(exchange.upstream().requests().size(), 2u);
  EXPECT_EQ(exchange.upstream().requests()[0].method, "GET");
  EXPECT_EQ(exchange.upstream().requests()[0].url, "https://gemini.test/v1beta/models?pageSize=1000");
  EXPECT_EQ(exchange.upstream().requests()[1].url,
            "https://gemini.test/v1beta/models?pageSize=1000&pageToken=page%2F2%2B");
  EXPECT_EQ(exchange.upstream().requests()[0].header("x-goog-api-key"), kKey);
  EXPECT_FALSE(exchange.upstream().requests()[0].hasHeader("content-type"));
  EXPECT_TRUE(sameJson(exchange.responseBody(), R"({"object":"list","data":[
      {"id":"gemini-2.0-flash","object":"model","created":0,"owned_by":"google"},
      {"id":"text-embedding-004","object":"model","created":0,"owned_by":"google"}]})"));
  expectClosedAndWellUsed(exchange);
}

} // namespace
} // namespace gatehouse::plugins::gemini
