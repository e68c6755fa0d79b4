// Provider credential pools (providers[].credentials, ABI 1.3) through the openai plugin:
// the credential the host hands an exchange is the key of every upstream call it makes,
// in place of the configured one, and it is redacted from whatever the upstream answers.
#include <gatehouse/testing/fake_multipart.hpp>

#include <string>

#include "../pool_key_checks.hpp"
#include "openai_plugin_fixture.hpp"

namespace gatehouse::plugins::openai::test {
namespace {

using gatehouse::testing::expectEveryRequestCarries;
using gatehouse::testing::expectNothingVisibleHolds;

using testing::FakeMultipartForm;

// Looks like no known key format, so only redacting the exchange's own key removes it.
constexpr const char* kPoolKey = "pool-key-7Hq2XzR4bN8mW1vT";

constexpr const char* kCompletion =
    R"({"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o",)"
    R"("choices":[{"index":0,"message":{"role":"assistant","content":"hi"},"finish_reason":"stop"}]})";

class CredentialPool : public OpenAiPluginTest {
protected:
  static FakeExchange pooled(gh_endpoint endpoint, std::string body, bool stream = false) {
    FakeExchange exchange = request(endpoint, std::move(body), stream);
    exchange.setCredential(kPoolKey);
    return exchange;
  }

  static void expectPoolBearer(const FakeExchange& exchange) {
    expectEveryRequestCarries(exchange, "Authorization", std::string("Bearer ") + kPoolKey, kCompanyKey);
  }

  void expectNoPoolKeyLeak(const FakeExchange& exchange) const {
    expectNothingVisibleHolds(host_, exchange, kPoolKey);
  }
};

TEST_F(CredentialPool, ChatSendsThePoolKeyInsteadOfTheConfiguredOne) {
  createProvider(R"("organization":"org-1")");
  FakeExchange exchange = pooled(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})");
  exchange.upstream().respond(FakeUpstreamResponse::body(200, kCompletion));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  expectPoolBearer(exchange);
  EXPECT_EQ(sent(exchange).header("OpenAI-Organization"), "org-1");
  EXPECT_EQ(exchange.status(), 200);
}

TEST_F(CredentialPool, EveryEndpointSendsThePoolKey) {
  createProvider();

  FakeExchange stream = pooled(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})", true);
  stream.upstream().respond(FakeUpstreamResponse::dataEvents({"[DONE]"}));
  ASSERT_EQ(handle(stream), GH_OK) << host_.lastError();
  expectPoolBearer(stream);

  FakeExchange embeddings = pooled(GH_ENDPOINT_EMBEDDINGS, R"({"input":"x"})");
  embeddings.upstream().respond(
      FakeUpstreamResponse::body(200, R"({"data":[],"usage":{"prompt_tokens":1}})"));
  ASSERT_EQ(handle(embeddings), GH_OK) << host_.lastError();
  expectPoolBearer(embeddings);

  FakeExchange images = pooled(GH_ENDPOINT_IMAGES, R"({"prompt":"a kite"})");
  images.upstream().respond(
      FakeUpstreamResponse::body(200, R"({"created":1,"data":[{"url":"https://img/1"}]})"));
  ASSERT_EQ(handle(images), GH_OK) << host_.lastError();
  expectPoolBearer(images);

  FakeExchange speech = pooled(GH_ENDPOINT_AUDIO_SPEECH, R"({"input":"hello","voice":"alloy"})");
  speech.upstream().respond(FakeUpstreamResponse::chunks(200, {"audio"}, "audio/mpeg"));
  ASSERT_EQ(handle(speech), GH_OK) << host_.lastError();
  expectPoolBearer(speech);

  FakeMultipartForm form;
  form.file("file", "talk.wav", "audio/wav", "RIFF").field("model", "whisper");
  FakeExchange transcription = pooled(GH_ENDPOINT_AUDIO_TRANSCRIPTION, "");
  transcription.setForm(form);
  transcription.upstream().respond(FakeUpstreamResponse::body(200, R"({"text":"hi"})"));
  ASSERT_EQ(handle(transcription), GH_OK) << host_.lastError();
  expectPoolBearer(transcription);

  FakeExchange models = pooled(GH_ENDPOINT_MODELS, "");
  models.upstream().respond(FakeUpstreamResponse::body(200, R"({"data":[{"id":"gpt-4o"}]})"));
  ASSERT_EQ(handle(models), GH_OK) << host_.lastError();
  expectPoolBearer(models);
}

TEST_F(CredentialPool, AzureSendsThePoolKeyAsItsApiKeyHeader) {
  ASSERT_EQ(host_.createProvider(kProvider, R"({"flavor":"azure","base_url":"https://corp.openai.azure.com",)"
                                            R"("api_key":"env:OPENAI_KEY","api_version":"2024-10-21"})"),
            GH_OK)
      << host_.lastError();
  FakeExchange exchange = pooled(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})");
  exchange.upstream().respond(FakeUpstreamResponse::body(200, kCompletion));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(sent(exchange).header("api-key"), kPoolKey);
  EXPECT_FALSE(sent(exchange).hasHeader("Authorization"));
}

TEST_F(CredentialPool, WithoutACredentialTheConfiguredKeyIsSent) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})");
  exchange.upstream().respond(FakeUpstreamResponse::body(200, kCompletion));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(sent(exchange).header("Authorization"), std::string("Bearer ") + kCompanyKey);
}

TEST_F(CredentialPool, AProviderWithoutAConfiguredKeySendsThePoolKey) {
  ASSERT_EQ(host_.createProvider(kProvider, R"({"base_url":"https://api.test/v1"})"), GH_OK)
      << host_.lastError();
  FakeExchange exchange = pooled(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})");
  exchange.upstream().respond(FakeUpstreamResponse::body(200, kCompletion));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  expectPoolBearer(exchange);
}

TEST_F(CredentialPool, AnUpstreamErrorEchoingThePoolKeyIsRedacted) {
  createProvider();
  FakeExchange exchange = pooled(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})");
  exchange.upstream().respond(
      FakeUpstreamResponse::body(401, std::string(R"({"error":{"message":"Incorrect API key provided: )") +
                                          kPoolKey + R"(.","type":"invalid_request_error","param":")" +
                                          kPoolKey + R"(","code":"invalid_api_key"}})"));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.status(), 401);
  const rapidjson::Document error = parseJson(exchange.responseBody());
  EXPECT_STREQ(error["error"]["message"].GetString(),
               "upstream 'openai-main' answered HTTP 401: Incorrect API key provided: [REDACTED].");
  EXPECT_STREQ(error["error"]["param"].GetString(), "[REDACTED]");
  expectNoPoolKeyLeak(exchange);
}

TEST_F(CredentialPool, AStreamErrorEchoingThePoolKeyIsRedacted) {
  createProvider();
  FakeExchange midStream = pooled(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})", true);
  midStream.upstream().respond(FakeUpstreamResponse::dataEvents(
      {std::string(R"({"error":{"message":"key )") + kPoolKey + R"( was revoked","type":"server_error"}})"}));
  EXPECT_EQ(handle(midStream), GH_ERROR_UPSTREAM);
  EXPECT_EQ(host_.lastError(), "upstream 'openai-main': key [REDACTED] was revoked");
  expectNoPoolKeyLeak(midStream);

  FakeExchange jsonInstead = pooled(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})", true);
  jsonInstead.upstream().respond(
      FakeUpstreamResponse::body(200, std::string(R"({"error":"bad key )") + kPoolKey + R"("})"));
  EXPECT_EQ(handle(jsonInstead), GH_ERROR_UPSTREAM);
  EXPECT_EQ(host_.lastError(), "upstream 'openai-main': bad key [REDACTED]");
  expectNoPoolKeyLeak(jsonInstead);
}

TEST_F(CredentialPool, AFailedSendEchoingThePoolKeyIsRedacted) {
  createProvider();
  FakeExchange exchange = pooled(GH_ENDPOINT_EMBEDDINGS, R"({"input":"x"})");
  exchange.upstream().respond(
      FakeUpstreamResponse::sendFailure(GH_ERROR_UPSTREAM, std::string("refused with ") + kPoolKey));
  EXPECT_EQ(handle(exchange), GH_ERROR_UPSTREAM);
  EXPECT_EQ(host_.lastError(), "upstream 'openai-main': refused with [REDACTED]");
  expectNoPoolKeyLeak(exchange);
}

} // namespace
} // namespace gatehouse::plugins::openai::test
