// Azure OpenAI deployment URLs: OpenAI's format with Azure's routing, auth and quirks.
#include "mock_fixture.hpp"
#include "sse.hpp"

namespace gatehouse::mock::test {
namespace {

using AzureOpenAi = MockUpstreamTest;

const std::string kChat = "/openai/deployments/my-gpt4o/chat/completions?api-version=2024-10-21";
const std::string kMessages = R"("messages":[{"role":"user","content":"hi azure"}])";

TEST_F(AzureOpenAi, DeploymentNamesTheModelAndFiltersAreReported) {
  auto reply = client().post(kChat, "{" + kMessages + "}", {{"api-key", "azure-key"}});
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_FALSE(reply.header("apim-request-id").empty());
  auto doc = parseJson(reply.body);
  EXPECT_STREQ(doc["model"].GetString(), "my-gpt4o");
  EXPECT_STREQ(doc["choices"][0]["message"]["content"].GetString(), "Echo: hi azure");
  EXPECT_FALSE(doc["prompt_filter_results"][0]["content_filter_results"]["hate"]["filtered"].GetBool());
  EXPECT_STREQ(doc["choices"][0]["content_filter_results"]["violence"]["severity"].GetString(), "safe");
}

TEST_F(AzureOpenAi, StreamOpensWithAPromptFilterChunk) {
  auto reply = client().post(kChat, R"({"stream":true,)" + kMessages + "}", {{"api-key", "azure-key"}});
  auto events = parseSse(reply.body, "\n\n");
  ASSERT_TRUE(events);
  ASSERT_GE(events->size(), 3u);
  auto first = parseJson((*events)[0].data);
  EXPECT_EQ(first["choices"].Size(), 0u);
  EXPECT_STREQ(first["id"].GetString(), "");
  EXPECT_STREQ(first["model"].GetString(), "");
  EXPECT_TRUE(first["prompt_filter_results"].IsArray());
  auto second = parseJson((*events)[1].data);
  EXPECT_STREQ(second["object"].GetString(), "chat.completion.chunk");
  EXPECT_EQ(events->back().data, "[DONE]");
}

TEST_F(AzureOpenAi, BearerTokensAreAcceptedToo) {
  EXPECT_EQ(client().post(kChat, "{" + kMessages + "}", {{"Authorization", "Bearer entra-token"}}).status,
            200);
}

TEST_F(AzureOpenAi, MissingKeyGetsAzuresAccessDenied) {
  auto reply = client().post(kChat, "{" + kMessages + "}");
  EXPECT_EQ(reply.status, 401);
  auto doc = parseJson(reply.body);
  EXPECT_STREQ(doc["error"]["code"].GetString(), "401");
  EXPECT_NE(std::string(doc["error"]["message"].GetString()).find("Access denied"), std::string::npos);
}

TEST_F(AzureOpenAi, MissingApiVersionIsResourceNotFound) {
  auto reply = client().post("/openai/deployments/my-gpt4o/chat/completions", "{" + kMessages + "}",
                             {{"api-key", "k"}});
  EXPECT_EQ(reply.status, 404);
  EXPECT_STREQ(parseJson(reply.body)["error"]["message"].GetString(), "Resource not found");
}

TEST_F(AzureOpenAi, FailuresUseAzuresErrorShape) {
  auto reply =
      client().post(kChat, "{" + kMessages + "}", {{"api-key", "k"}, {"x-mock-scenario", "fail:429"}});
  EXPECT_EQ(reply.status, 429);
  auto doc = parseJson(reply.body);
  EXPECT_STREQ(doc["error"]["code"].GetString(), "429");
  EXPECT_TRUE(doc["error"]["message"].IsString());
}

TEST_F(AzureOpenAi, OtherDeploymentOperations) {
  auto embeddings = client().post("/openai/deployments/emb/embeddings?api-version=2024-10-21",
                                  R"({"input":"x","dimensions":3})", {{"api-key", "k"}});
  ASSERT_EQ(embeddings.status, 200) << embeddings.body;
  EXPECT_STREQ(parseJson(embeddings.body)["model"].GetString(), "emb");
  auto images = client().post("/openai/deployments/dalle/images/generations?api-version=2024-10-21",
                              R"({"prompt":"x"})", {{"api-key", "k"}});
  EXPECT_EQ(images.status, 200);
}

TEST_F(AzureOpenAi, ScenarioPrefixOnTheDeployment) {
  auto reply = client().post("/openai/deployments/mock-fail-503/gpt/chat/completions?api-version=1",
                             "{" + kMessages + "}", {{"api-key", "k"}});
  EXPECT_EQ(reply.status, 503);
}

} // namespace
} // namespace gatehouse::mock::test
