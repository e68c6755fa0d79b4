// The built libgatehouse_provider_gemini.so, driven through the SDK's FakeHost as the gateway
// drives it: descriptor, config and secret handling, and the answers that need no upstream.
#include <gatehouse/testing/fake_host.hpp>
#include <gatehouse/testing/plugin_library.hpp>

#include <gtest/gtest.h>

#include <string>

#include "gemini_test_support.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using gatehouse::testing::FakeExchange;
using gatehouse::testing::FakeHost;
using gatehouse::testing::FakeUpstreamResponse;
using gatehouse::testing::PluginLibrary;
using testing::parsed;
using testing::sameJson;

class GeminiPluginTest : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_EQ(host_.init(library_.descriptor()), GH_OK) << host_.lastError(); }

  PluginLibrary library_{GATEHOUSE_GEMINI_PLUGIN_PATH};
  FakeHost host_{"gemini"};
};

TEST_F(GeminiPluginTest, DescribesItselfAsTheGeminiProvider) {
  const gh_plugin_descriptor* descriptor = library_.descriptor();
  EXPECT_EQ(descriptor->kind, GH_KIND_PROVIDER);
  EXPECT_EQ(std::string(descriptor->name.ptr, descriptor->name.len), "gemini");
  EXPECT_EQ(descriptor->abi_major, GH_ABI_VERSION_MAJOR);
  EXPECT_EQ(descriptor->abi_minor, GH_ABI_VERSION_MINOR);
}

TEST_F(GeminiPluginTest, CreatesAProviderWithItsKeyResolvedFromTheEnvironment) {
  host_.secrets().setEnv("GEMINI_KEY", "AIzaSyTestKey0123456789abcdefghijklmnop");
  EXPECT_EQ(host_.createProvider("google", R"({"api_key":"env:GEMINI_KEY"})"), GH_OK) << host_.lastError();
  EXPECT_EQ(host_.providerCount(), 1u);
}

TEST_F(GeminiPluginTest, RefusesAnUnresolvableKeyNamingTheReference) {
  EXPECT_EQ(host_.createProvider("google", R"({"api_key":"env:MISSING_GEMINI_KEY"})"), GH_ERROR_CONFIG);
  EXPECT_NE(host_.lastError().find("env:MISSING_GEMINI_KEY"), std::string::npos) << host_.lastError();
  EXPECT_NE(host_.lastError().find("'google'"), std::string::npos) << host_.lastError();
}

TEST_F(GeminiPluginTest, AProviderWithoutAKeySendsThePoolCredential) {
  ASSERT_EQ(host_.createProvider("google", R"({"base_url":"https://gemini.test"})"), GH_OK)
      << host_.lastError();
  FakeExchange exchange;
  exchange.setEndpoint(GH_ENDPOINT_MODELS).setBody("").setCredential("pool-key-gemini-1");
  exchange.upstream().respond(FakeUpstreamResponse::body(200, R"({"models":[]})"));
  ASSERT_EQ(host_.handle("google", exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.upstream().requests().at(0).header("x-goog-api-key"), "pool-key-gemini-1");
}

TEST_F(GeminiPluginTest, ARequestWithNeitherKeyNorCredentialGoesWithoutAKey) {
  // A proxy in front of Gemini may add the key; the plugin sends none rather than refuse.
  ASSERT_EQ(host_.createProvider("google", R"({"base_url":"https://gemini.test"})"), GH_OK)
      << host_.lastError();
  FakeExchange exchange;
  exchange.setBody(R"({"model":"gemini-flash","messages":[{"role":"user","content":"hi"}]})");
  exchange.upstream().respond(FakeUpstreamResponse::body(
      200,
      R"({"candidates":[{"content":{"role":"model","parts":[{"text":"hello"}]},"finishReason":"STOP"}]})"));
  ASSERT_EQ(host_.handle("google", exchange), GH_OK) << host_.lastError();
  ASSERT_EQ(exchange.upstream().requests().size(), 1u);
  EXPECT_EQ(exchange.upstream().requests()[0].header("x-goog-api-key"), "");
  EXPECT_EQ(exchange.status(), 200);
}

TEST_F(GeminiPluginTest, RefusesABadConfig) {
  EXPECT_EQ(host_.createProvider("google", R"({"base_url":"https://x","model":"gemini"})"), GH_ERROR_CONFIG);
  EXPECT_NE(host_.lastError().find("unknown key 'model'"), std::string::npos) << host_.lastError();
}

TEST_F(GeminiPluginTest, DoesNotServeImagesOrAudio) {
  ASSERT_EQ(host_.createProvider("google"), GH_OK) << host_.lastError();
  for (const gh_endpoint endpoint :
       {GH_ENDPOINT_IMAGES, GH_ENDPOINT_AUDIO_SPEECH, GH_ENDPOINT_AUDIO_TRANSCRIPTION}) {
    FakeExchange exchange;
    exchange.setEndpoint(endpoint).setBody(R"({"prompt":"a cat"})");
    EXPECT_EQ(host_.handle("google", exchange), GH_ERROR_UNSUPPORTED);
    EXPECT_NE(host_.lastError().find("provider 'google' (gemini) does not serve"), std::string::npos)
        << host_.lastError();
    EXPECT_FALSE(exchange.responded());
  }
}

TEST_F(GeminiPluginTest, AnswersARefusedFieldWithAnOpenAiErrorBeforeCallingGemini) {
  ASSERT_EQ(host_.createProvider("google"), GH_OK) << host_.lastError();
  FakeExchange exchange;
  exchange.setBody(R"({"model":"gemini-flash","messages":[{"role":"user","content":"hi"}],"logprobs":true})");
  ASSERT_EQ(host_.handle("google", exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.status(), 400);
  EXPECT_EQ(exchange.contentType(), "application/json");
  EXPECT_TRUE(
      sameJson(exchange.responseBody(),
               R"({"error":{"message":"logprobs is not supported by the Gemini provider: )"
               R"(Gemini's answer carries no OpenAI log probabilities","type":"invalid_request_error",)"
               R"("param":"logprobs","code":null}})"));
  EXPECT_FALSE(exchange.usage());
}

TEST_F(GeminiPluginTest, AnswersTokenEmbeddingsWithA400) {
  ASSERT_EQ(host_.createProvider("google"), GH_OK) << host_.lastError();
  FakeExchange exchange;
  exchange.setEndpoint(GH_ENDPOINT_EMBEDDINGS).setBody(R"({"model":"e","input":[[1,2,3]]})");
  ASSERT_EQ(host_.handle("google", exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.status(), 400);
  const rapidjson::Document body = parsed(exchange.responseBody());
  EXPECT_STREQ(body["error"]["param"].GetString(), "input");
}

} // namespace
} // namespace gatehouse::plugins::gemini
