// --expect-key: the mock checks keys like each provider does, with their real failures.
#include "mock_fixture.hpp"

namespace gatehouse::mock::test {
namespace {

class Credentials : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    testing::MockUpstreamOptions options;
    options.expectKeys = {"openai=sk-company", "anthropic=sk-ant-company", "gemini=g-company",
                          "azure=az-company"};
    mock_ = std::make_unique<testing::MockUpstreamProcess>(options);
  }
  static void TearDownTestSuite() { mock_.reset(); }
  static MockClient client() { return MockClient(*mock_); }
  inline static std::unique_ptr<testing::MockUpstreamProcess> mock_;
};

const std::string kChat = R"({"model":"m","messages":[{"role":"user","content":"x"}]})";
const std::string kMessages = R"({"model":"c","max_tokens":5,"messages":[{"role":"user","content":"x"}]})";
const std::string kGemini = R"({"contents":[{"parts":[{"text":"x"}]}]})";
const std::string kGeminiPath = "/v1beta/models/gemini-2.0-flash:generateContent";
const std::string kAzurePath = "/openai/deployments/d/chat/completions?api-version=2024-10-21";

TEST_F(Credentials, TheExpectedKeysPass) {
  EXPECT_EQ(client().post("/v1/chat/completions", kChat, openAiAuth("sk-company")).status, 200);
  EXPECT_EQ(client().post("/v1/messages", kMessages, anthropicAuth("sk-ant-company")).status, 200);
  EXPECT_EQ(client().post(kGeminiPath, kGemini, geminiAuth("g-company")).status, 200);
  EXPECT_EQ(client().post(kAzurePath, kChat, {{"api-key", "az-company"}}).status, 200);
}

TEST_F(Credentials, WrongOpenAiKeyIsInvalidApiKeyWithoutEchoingIt) {
  auto reply = client().post("/v1/chat/completions", kChat, openAiAuth("sk-wrong-secret"));
  EXPECT_EQ(reply.status, 401);
  auto doc = parseJson(reply.body);
  EXPECT_STREQ(doc["error"]["code"].GetString(), "invalid_api_key");
  EXPECT_STREQ(doc["error"]["type"].GetString(), "invalid_request_error");
  EXPECT_EQ(reply.body.find("sk-wrong-secret"), std::string::npos);
}

TEST_F(Credentials, MissingOpenAiKeySaysSo) {
  auto reply = client().post("/v1/chat/completions", kChat);
  EXPECT_EQ(reply.status, 401);
  EXPECT_NE(
      std::string(parseJson(reply.body)["error"]["message"].GetString()).find("didn't provide an API key"),
      std::string::npos);
}

TEST_F(Credentials, WrongAnthropicKey) {
  auto reply = client().post("/v1/messages", kMessages, anthropicAuth("sk-ant-wrong"));
  EXPECT_EQ(reply.status, 401);
  auto doc = parseJson(reply.body);
  EXPECT_STREQ(doc["type"].GetString(), "error");
  EXPECT_STREQ(doc["error"]["type"].GetString(), "authentication_error");
  EXPECT_STREQ(doc["error"]["message"].GetString(), "invalid x-api-key");
}

TEST_F(Credentials, WrongGeminiKeyIsInvalidArgumentWithReason) {
  auto reply = client().post(kGeminiPath, kGemini, geminiAuth("g-wrong"));
  EXPECT_EQ(reply.status, 400);
  auto doc = parseJson(reply.body);
  EXPECT_STREQ(doc["error"]["status"].GetString(), "INVALID_ARGUMENT");
  EXPECT_STREQ(doc["error"]["message"].GetString(), "API key not valid. Please pass a valid API key.");
  EXPECT_STREQ(doc["error"]["details"][0]["reason"].GetString(), "API_KEY_INVALID");
}

TEST_F(Credentials, WrongAzureKey) {
  auto reply = client().post(kAzurePath, kChat, {{"api-key", "az-wrong"}});
  EXPECT_EQ(reply.status, 401);
  EXPECT_STREQ(parseJson(reply.body)["error"]["code"].GetString(), "401");
}

TEST_F(Credentials, OneProvidersKeyIsNotAnothers) {
  EXPECT_EQ(client().post("/v1/chat/completions", kChat, openAiAuth("sk-ant-company")).status, 401);
}

TEST(CredentialsForAll, OneKeyForEveryProvider) {
  testing::MockUpstreamOptions options;
  options.expectKeys = {"shared-key"};
  testing::MockUpstreamProcess mock(options);
  MockClient c(mock);
  EXPECT_EQ(c.post("/v1/chat/completions", kChat, openAiAuth("shared-key")).status, 200);
  EXPECT_EQ(c.post("/v1/messages", kMessages, anthropicAuth("shared-key")).status, 200);
  EXPECT_EQ(c.post("/v1/messages", kMessages, anthropicAuth("other")).status, 401);
}

} // namespace
} // namespace gatehouse::mock::test
