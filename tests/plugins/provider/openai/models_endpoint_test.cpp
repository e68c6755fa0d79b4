// The upstream's model list through the openai plugin.
#include "openai_plugin_fixture.hpp"

namespace gatehouse::plugins::openai::test {
namespace {

class ModelsEndpoint : public OpenAiPluginTest {};

TEST_F(ModelsEndpoint, AsksTheUpstreamAndAnswersAnOpenAiListOwnedByTheProvider) {
  createProvider(R"("organization":"org-1")");
  FakeExchange exchange = request(GH_ENDPOINT_MODELS, "");
  exchange.upstream().respond(FakeUpstreamResponse::body(
      200,
      R"({"object":"list","data":[{"id":"gpt-4o","object":"model","created":1715367049,"owned_by":"system"},)"
      R"({"id":"llama3:8b","object":"model","owned_by":"library"},{"object":"model"}]})"));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  const FakeUpstreamRequest& upstream = sent(exchange);
  EXPECT_EQ(upstream.method, "GET");
  EXPECT_EQ(upstream.url, "https://api.test/v1/models");
  EXPECT_EQ(upstream.header("Authorization"), std::string("Bearer ") + kCompanyKey);
  EXPECT_EQ(upstream.header("OpenAI-Organization"), "org-1");
  EXPECT_FALSE(upstream.hasHeader("Content-Type"));
  EXPECT_TRUE(upstream.body.empty());
  EXPECT_EQ(exchange.status(), 200);
  EXPECT_EQ(exchange.responseBody(),
            R"({"object":"list","data":[{"id":"gpt-4o","object":"model","created":1715367049,)"
            R"("owned_by":"openai-main"},)"
            R"({"id":"llama3:8b","object":"model","created":0,"owned_by":"openai-main"}]})");
  EXPECT_FALSE(exchange.usage());
  expectTidyUpstream(exchange);
}

TEST_F(ModelsEndpoint, AzureListsTheResourcesModels) {
  ASSERT_EQ(host_.createProvider(kProvider, R"({"flavor":"azure","base_url":"https://corp.openai.azure.com",)"
                                            R"("api_key":"env:OPENAI_KEY","api_version":"2024-10-21"})"),
            GH_OK);
  FakeExchange exchange = request(GH_ENDPOINT_MODELS, "");
  exchange.upstream().respond(FakeUpstreamResponse::body(200, R"({"data":[]})"));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(sent(exchange).url, "https://corp.openai.azure.com/openai/models?api-version=2024-10-21");
  EXPECT_EQ(sent(exchange).header("api-key"), kCompanyKey);
  EXPECT_EQ(exchange.responseBody(), R"({"object":"list","data":[]})");
}

TEST_F(ModelsEndpoint, ErrorsAndOddAnswers) {
  createProvider();
  FakeExchange refused = request(GH_ENDPOINT_MODELS, "");
  refused.upstream().respond(FakeUpstreamResponse::body(
      401, R"({"error":{"message":"Incorrect API key provided: sk-abcd****1234.",)"
           R"("type":"invalid_request_error","param":null,"code":"invalid_api_key"}})"));
  ASSERT_EQ(handle(refused), GH_OK);
  EXPECT_EQ(refused.status(), 401);
  EXPECT_STREQ(parseJson(refused.responseBody())["error"]["message"].GetString(),
               "upstream 'openai-main' answered HTTP 401: Incorrect API key provided: [REDACTED].");

  FakeExchange odd = request(GH_ENDPOINT_MODELS, "");
  odd.upstream().respond(FakeUpstreamResponse::body(200, R"({"models":[]})"));
  EXPECT_EQ(handle(odd), GH_ERROR_UPSTREAM);
  EXPECT_EQ(host_.lastError(), "upstream 'openai-main': answered the model list without a \"data\" array");
}

TEST_F(ModelsEndpoint, AnEndpointTheProviderDoesNotKnowIsUnsupported) {
  createProvider();
  FakeExchange exchange = request(99, "{}");
  EXPECT_EQ(handle(exchange), GH_ERROR_UNSUPPORTED);
  EXPECT_TRUE(exchange.upstream().requests().empty());
}

} // namespace
} // namespace gatehouse::plugins::openai::test
