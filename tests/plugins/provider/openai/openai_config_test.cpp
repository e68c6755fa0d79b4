// The openai provider's config: every key, its defaults, and the refusals that stop a
// gateway from starting with a config that cannot work.
#include <gatehouse/sdk/error.hpp>

#include <string>

#include "openai_config.hpp"
#include "openai_plugin_fixture.hpp"

namespace gatehouse::plugins::openai::test {
namespace {

TEST(OpenAiConfig, DefaultsServeOpenAiWithUsageInStreams) {
  const OpenAiConfig config = parseOpenAiConfig("{}");
  EXPECT_EQ(config.baseUrl, "https://api.openai.com/v1");
  EXPECT_FALSE(config.apiKey);
  EXPECT_TRUE(config.organization.empty());
  EXPECT_TRUE(config.project.empty());
  EXPECT_TRUE(config.extraHeaders.empty());
  EXPECT_TRUE(config.streamUsage);
  EXPECT_EQ(config.flavor, Flavor::OpenAi);
  EXPECT_TRUE(config.apiVersion.empty());
}

TEST(OpenAiConfig, EveryKeyIsRead) {
  const OpenAiConfig config =
      parseOpenAiConfig(R"({"base_url":"http://vllm.internal:8000/v1///","api_key":"file:/run/secrets/key",)"
                        R"("organization":"org-1",)"
                        R"("project":"proj_1","extra_headers":{"X-A":"1","X-B":""},"stream_usage":false})");
  EXPECT_EQ(config.baseUrl, "http://vllm.internal:8000/v1");
  EXPECT_EQ(config.apiKey, "file:/run/secrets/key");
  EXPECT_EQ(config.organization, "org-1");
  EXPECT_EQ(config.project, "proj_1");
  EXPECT_EQ(config.extraHeaders,
            (std::vector<std::pair<std::string, std::string>>{{"X-A", "1"}, {"X-B", ""}}));
  EXPECT_FALSE(config.streamUsage);

  const OpenAiConfig azure = parseOpenAiConfig(
      R"({"flavor":"azure","base_url":"https://corp.openai.azure.com","api_version":"2024-10-21"})");
  EXPECT_EQ(azure.flavor, Flavor::Azure);
  EXPECT_EQ(azure.apiVersion, "2024-10-21");
}

struct Refusal {
  const char* config;
  const char* message; // a part of the error that names the problem
};

class OpenAiConfigRefusal : public ::testing::TestWithParam<Refusal> {};

TEST_P(OpenAiConfigRefusal, IsAConfigErrorSayingWhy) {
  try {
    parseOpenAiConfig(GetParam().config);
    FAIL() << "accepted " << GetParam().config;
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_CONFIG);
    EXPECT_NE(std::string(error.what()).find(GetParam().message), std::string::npos) << error.what();
    EXPECT_EQ(std::string(error.what()).rfind("openai provider config: ", 0), 0u) << error.what();
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, OpenAiConfigRefusal,
    ::testing::Values(Refusal{"[]", "expected a JSON object"}, Refusal{"{", "expected a JSON object"},
                      Refusal{R"({"base_url":"https://x","apikey":"env:K"})", "unknown key 'apikey'"},
                      Refusal{R"({"base_url":5})", "base_url must be a string"},
                      Refusal{R"({"base_url":"api.openai.com/v1"})", "absolute http:// or https://"},
                      Refusal{R"({"base_url":"ftp://x"})", "absolute http:// or https://"},
                      Refusal{R"({"base_url":"https://"})", "absolute http:// or https://"},
                      Refusal{R"({"base_url":"https://x/v1?key=1"})", "must not contain a query"},
                      Refusal{R"({"base_url":"https://user:pw@x/v1"})", "must not carry credentials"},
                      Refusal{R"({"api_key":"sk-pasted-key-itself"})", "api_key must be a secret reference"},
                      Refusal{R"({"api_key":7})", "api_key must be a string"},
                      Refusal{R"({"organization":["o"]})", "organization must be a string"},
                      Refusal{R"({"project":"p\r\nX-Evil: 1"})", "project must not contain line breaks"},
                      Refusal{R"({"extra_headers":["X-A"]})", "extra_headers must be an object"},
                      Refusal{R"({"extra_headers":{"X-A":1}})", "extra_headers.X-A must be a string"},
                      Refusal{R"({"extra_headers":{"Bad Name":"1"}})", "not a valid header name"},
                      Refusal{R"({"extra_headers":{"Host":"x"}})", "Host is set by the gateway"},
                      Refusal{R"({"extra_headers":{"content-length":"1"}})", "set by the gateway"},
                      Refusal{R"({"extra_headers":{"X-A":"1\n2"}})", "must not contain line breaks"},
                      Refusal{R"({"stream_usage":"yes"})", "stream_usage must be true or false"},
                      Refusal{R"({"flavor":"aws"})", "flavor must be \"openai\" or \"azure\""},
                      Refusal{R"({"flavor":"azure","api_version":"2024-10-21"})", "needs base_url"},
                      Refusal{R"({"flavor":"azure","base_url":"https://x.openai.azure.com"})",
                              "needs api_version"},
                      Refusal{R"({"api_version":"2024-10-21"})", "applies only to flavor \"azure\""},
                      Refusal{R"({"flavor":"azure","base_url":"https://x","api_version":""})",
                              "api_version must not be empty"}));

TEST(OpenAiConfig, APastedKeyIsNotEchoedInTheError) {
  try {
    parseOpenAiConfig(R"({"api_key":"sk-live-secret-value"})");
    FAIL();
  } catch (const sdk::Error& error) {
    EXPECT_EQ(std::string(error.what()).find("sk-live-secret-value"), std::string::npos);
  }
}

// --- create, through the plugin: the key reference is resolved there ---

class OpenAiCreate : public OpenAiPluginTest {};

TEST_F(OpenAiCreate, KeyFromAFileLosesItsNewline) {
  host_.secrets().setFile("/run/secrets/openai", std::string(kCompanyKey) + "\n");
  ASSERT_EQ(host_.createProvider(
                kProvider, R"({"base_url":"https://api.test/v1","api_key":"file:/run/secrets/openai"})"),
            GH_OK)
      << host_.lastError();
  FakeExchange exchange = request(GH_ENDPOINT_EMBEDDINGS, R"({"input":"x"})");
  exchange.upstream().respond(FakeUpstreamResponse::body(200, R"({"data":[],"usage":{"prompt_tokens":1}})"));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(sent(exchange).header("Authorization"), std::string("Bearer ") + kCompanyKey);
}

TEST_F(OpenAiCreate, UnresolvableKeyIsAConfigErrorNamingTheReference) {
  EXPECT_EQ(host_.createProvider(kProvider, R"({"api_key":"env:MISSING_KEY"})"), GH_ERROR_CONFIG);
  EXPECT_NE(host_.lastError().find("api_key"), std::string::npos) << host_.lastError();
  EXPECT_NE(host_.lastError().find("env:MISSING_KEY"), std::string::npos) << host_.lastError();
  EXPECT_EQ(host_.providerCount(), 0u);
}

TEST_F(OpenAiCreate, EmptyKeyFileIsAConfigError) {
  host_.secrets().setFile("/empty", "\n");
  EXPECT_EQ(host_.createProvider(kProvider, R"({"api_key":"file:/empty"})"), GH_ERROR_CONFIG);
  EXPECT_NE(host_.lastError().find("is empty"), std::string::npos) << host_.lastError();
}

TEST_F(OpenAiCreate, BadConfigIsRefusedAtCreateAndTheKeyNeverLogged) {
  EXPECT_EQ(host_.createProvider(kProvider, R"({"stream_usage":1})"), GH_ERROR_CONFIG);
  ASSERT_EQ(host_.createProvider("ok", R"({"api_key":"env:OPENAI_KEY"})"), GH_OK) << host_.lastError();
  EXPECT_FALSE(host_.logs().contains(kCompanyKey));
}

} // namespace
} // namespace gatehouse::plugins::openai::test
