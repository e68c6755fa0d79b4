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
  EXPECT_EQ(target.headers(target.keyFor("")),
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
  EXPECT_EQ(target.headers(target.keyFor("")), (std::vector<std::pair<std::string, std::string>>{
                                                   {"api-key", "0123abcd"}, {"OpenAI-Organization", "org"}}));
}

TEST(UpstreamTarget, APoolCredentialIsTheKeyInsteadOfTheConfiguredOne) {
  OpenAiConfig config;
  config.project = "proj_1";
  const UpstreamTarget target(config, "sk-configured");
  EXPECT_EQ(target.keyFor(""), "sk-configured");
  EXPECT_EQ(target.keyFor("pool-key-1"), "pool-key-1");
  EXPECT_EQ(target.headers(target.keyFor("pool-key-1")),
            (std::vector<std::pair<std::string, std::string>>{{"Authorization", "Bearer pool-key-1"},
                                                              {"OpenAI-Project", "proj_1"}}));

  config.flavor = Flavor::Azure;
  const UpstreamTarget azure(config, "configured-azure-key");
  EXPECT_EQ(azure.headers(azure.keyFor("pool-azure-key")),
            (std::vector<std::pair<std::string, std::string>>{{"api-key", "pool-azure-key"},
                                                              {"OpenAI-Project", "proj_1"}}));
}

TEST(UpstreamTarget, WithoutAnyKeyNoKeyHeaderIsSent) {
  OpenAiConfig config;
  config.organization = "org";
  const UpstreamTarget target(config, "");
  EXPECT_EQ(target.keyFor(""), "");
  EXPECT_EQ(target.headers(target.keyFor("")),
            (std::vector<std::pair<std::string, std::string>>{{"OpenAI-Organization", "org"}}));
}

TEST(UpstreamTarget, PercentEncodingKeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(percentEncode("aZ09-._~"), "aZ09-._~");
  EXPECT_EQ(percentEncode("a b/c?d&e=f#"), "a%20b%2Fc%3Fd%26e%3Df%23");
  EXPECT_EQ(percentEncode(""), "");
}

} // namespace
} // namespace gatehouse::plugins::openai
