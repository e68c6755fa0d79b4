// Embeddings through the openai plugin.
#include "openai_plugin_fixture.hpp"

namespace gatehouse::plugins::openai::test {
namespace {

constexpr const char* kEmbeddings =
    R"({"object":"list","data":[{"object":"embedding","index":0,"embedding":[0.0023064255,-0.009327292]}],)"
    R"("model":"text-embedding-3-small","usage":{"prompt_tokens":8,"total_tokens":8}})";

class EmbeddingsEndpoint : public OpenAiPluginTest {};

TEST_F(EmbeddingsEndpoint, ForwardsWithTheUpstreamModelAndReportsPromptTokens) {
  createProvider();
  const std::string body = R"({"model":"public-model","input":["a b",[1,2,3]],"dimensions":256,)"
                           R"("encoding_format":"float","user":"u"})";
  FakeExchange exchange = request(GH_ENDPOINT_EMBEDDINGS, body);
  exchange.setUpstreamModel("text-embedding-3-small");
  exchange.upstream().respond(FakeUpstreamResponse::body(200, kEmbeddings));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(sent(exchange).url, "https://api.test/v1/embeddings");
  EXPECT_EQ(sent(exchange).body,
            R"({"model":"text-embedding-3-small","input":["a b",[1,2,3]],"dimensions":256,)"
            R"("encoding_format":"float","user":"u"})");
  EXPECT_EQ(sent(exchange).header("Authorization"), std::string("Bearer ") + kCompanyKey);
  EXPECT_EQ(exchange.status(), 200);
  EXPECT_EQ(exchange.responseBody(), kEmbeddings);
  ASSERT_TRUE(exchange.usage());
  EXPECT_EQ(exchange.usage()->prompt_tokens, 8);
  EXPECT_EQ(exchange.usage()->completion_tokens, 0);
  expectTidyUpstream(exchange);
}

TEST_F(EmbeddingsEndpoint, AzureDeploymentUrl) {
  ASSERT_EQ(host_.createProvider(kProvider,
                                 R"({"flavor":"azure","base_url":"https://corp.openai.azure.com/",)"
                                 R"("api_key":"env:OPENAI_KEY","api_version":"2024-02-01"})"),
            GH_OK);
  FakeExchange exchange = request(GH_ENDPOINT_EMBEDDINGS, R"({"input":"x"})");
  exchange.setUpstreamModel("emb");
  exchange.upstream().respond(FakeUpstreamResponse::body(200, kEmbeddings));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(sent(exchange).url,
            "https://corp.openai.azure.com/openai/deployments/emb/embeddings?api-version=2024-02-01");
}

TEST_F(EmbeddingsEndpoint, MissingInputNeverReachesTheUpstream) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_EMBEDDINGS, R"({"model":"m"})");
  EXPECT_EQ(handle(exchange), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(host_.lastError(), "'input' is required");
  EXPECT_TRUE(exchange.upstream().requests().empty());
}

TEST_F(EmbeddingsEndpoint, UpstreamErrorIsAnswered) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_EMBEDDINGS, R"({"input":"x"})");
  exchange.upstream().respond(FakeUpstreamResponse::body(
      400, R"({"error":{"message":"This model's maximum context length is 8192 tokens",)"
           R"("type":"invalid_request_error","param":null,"code":null}})"));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.status(), 400);
  EXPECT_FALSE(exchange.usage());
}

} // namespace
} // namespace gatehouse::plugins::openai::test
