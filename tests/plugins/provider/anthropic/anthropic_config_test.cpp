#include <gatehouse/sdk/error.hpp>

#include <gtest/gtest.h>

#include "anthropic_config.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

std::string refusal(const std::string& json) {
  try {
    parseAnthropicConfig(json);
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_CONFIG);
    return error.what();
  }
  return "";
}

TEST(AnthropicConfig, EveryKeyIsOptional) {
  // Without api_key every request needs a credential from the provider's pool.
  const AnthropicConfig config = parseAnthropicConfig("{}");
  EXPECT_FALSE(config.apiKeyReference);
  EXPECT_EQ(config.baseUrl, "https://api.anthropic.com");
  EXPECT_EQ(config.anthropicVersion, "2023-06-01");
  EXPECT_TRUE(config.anthropicBeta.empty());
  EXPECT_FALSE(config.defaultMaxTokens);
  EXPECT_TRUE(config.extraHeaders.empty());
}

TEST(AnthropicConfig, ReadsEveryKey) {
  const AnthropicConfig config = parseAnthropicConfig(
      R"({"api_key":"file:/run/secrets/anthropic","base_url":"http://127.0.0.1:8080/proxy/",)"
      R"("anthropic_version":"2024-01-01",)"
      R"("anthropic_beta":["prompt-caching-2024-07-31","output-128k-2025-02-19"],)"
      R"("default_max_tokens":2048,"extra_headers":{"X-Team":"search","anthropic-dangerous-x":"1"}})");
  EXPECT_EQ(config.apiKeyReference, "file:/run/secrets/anthropic");
  EXPECT_EQ(config.baseUrl, "http://127.0.0.1:8080/proxy");
  EXPECT_EQ(config.anthropicVersion, "2024-01-01");
  EXPECT_EQ(config.anthropicBeta,
            (std::vector<std::string>{"prompt-caching-2024-07-31", "output-128k-2025-02-19"}));
  EXPECT_EQ(config.defaultMaxTokens.value_or(0), 2048);
  ASSERT_EQ(config.extraHeaders.size(), 2u);
  EXPECT_EQ(config.extraHeaders[0], (std::pair<std::string, std::string>{"X-Team", "search"}));
}

TEST(AnthropicConfig, RefusesWhatItDoesNotUnderstand) {
  EXPECT_NE(refusal("not json").find("JSON object"), std::string::npos);
  EXPECT_NE(refusal(R"({"api_key":"env:K","apikey":"x"})").find("unknown key 'apikey'"), std::string::npos);
  EXPECT_NE(refusal(R"({"api_key":""})").find("api_key"), std::string::npos);
  EXPECT_NE(refusal(R"({"api_key":"env:K","base_url":"api.anthropic.com"})").find("base_url"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"api_key":"env:K","base_url":"https://x/?a=1"})").find("base_url"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"api_key":"env:K","anthropic_version":2023})").find("anthropic_version"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"api_key":"env:K","anthropic_beta":"a,b"})").find("anthropic_beta"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"api_key":"env:K","anthropic_beta":["a,b"]})").find("anthropic_beta"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"api_key":"env:K","default_max_tokens":0})").find("default_max_tokens"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"api_key":"env:K","default_max_tokens":"4096"})").find("default_max_tokens"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"api_key":"env:K","extra_headers":[]})").find("extra_headers"), std::string::npos);
  EXPECT_NE(refusal(R"({"api_key":"env:K","extra_headers":{"X-A":1}})").find("'X-A'"), std::string::npos);
  EXPECT_NE(refusal(R"({"api_key":"env:K","extra_headers":{"bad name":"v"}})").find("'bad name'"),
            std::string::npos);
  EXPECT_NE(refusal(R"({"api_key":"env:K","extra_headers":{"X-A":"v\r\nX-B: w"}})").find("line breaks"),
            std::string::npos);
}

TEST(AnthropicConfig, RefusesExtraHeadersThePluginOrHostSets) {
  for (const char* name : {"x-api-key", "X-Api-Key", "anthropic-version", "Anthropic-Beta", "Content-Type",
                           "Host", "content-length", "Connection"}) {
    EXPECT_NE(refusal(std::string(R"({"api_key":"env:K","extra_headers":{")") + name + R"(":"v"}})")
                  .find("cannot be overridden"),
              std::string::npos)
        << name;
  }
}

} // namespace
} // namespace gatehouse::plugins::anthropic
