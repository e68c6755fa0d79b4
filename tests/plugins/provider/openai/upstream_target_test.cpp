// Where each endpoint's request goes, and the headers each carries.
#include <gtest/gtest.h>

#include "upstream_target.hpp"

namespace gatehouse::plugins::openai {
namespace {

TEST(UpstreamTarget, OpenAiUrlsAppendThePath) {
  OpenAiConfig config;
  config.baseUrl = "https://api.groq.com/openai/v1";
  const UpstreamTarget target(config, "gsk_1");
  EXPECT_EQ(target.url("chat/completions", "llama-3.1-8b"),
            "https://api.groq.com/openai/v1/chat/completions");
  EXPECT_EQ(target.modelsUrl(), "https://api.groq.com/openai/v1/models");
  EXPECT_EQ(target.headers(),
            (std::vector<std::pair<std::string, std::string>>{{"Authorization", "Bearer gsk_1"}}));
}

TEST(UpstreamTarget, AzureUrlsNameTheEncodedDeploymentAndVersion) {
  OpenAiConfig config;
  config.flavor = Flavor::Azure;
  config.baseUrl = "https://corp.openai.azure.com";
  config.apiVersion = "2025-01-01-preview";
  config.organization = "org";
  const UpstreamTarget target(config, "0123abcd");
  EXPECT_EQ(target.url("audio/speech", "tts+hd/ü"),
            "https://corp.openai.azure.com/openai/deployments/tts%2Bhd%2F%C3%BC/audio/"
            "speech?api-version=2025-01-01-preview");
  EXPECT_EQ(target.modelsUrl(), "https://corp.openai.azure.com/openai/models?api-version=2025-01-01-preview");
  EXPECT_EQ(target.headers(), (std::vector<std::pair<std::string, std::string>>{
                                  {"api-key", "0123abcd"}, {"OpenAI-Organization", "org"}}));
  EXPECT_EQ(target.apiKey(), "0123abcd");
}

TEST(UpstreamTarget, PercentEncodingKeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(percentEncode("aZ09-._~"), "aZ09-._~");
  EXPECT_EQ(percentEncode("a b/c?d&e=f#"), "a%20b%2Fc%3Fd%26e%3Df%23");
  EXPECT_EQ(percentEncode(""), "");
}

} // namespace
} // namespace gatehouse::plugins::openai
