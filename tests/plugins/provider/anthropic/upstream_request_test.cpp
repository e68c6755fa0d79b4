#include <gtest/gtest.h>

#include "upstream_request.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;

TEST(UpstreamRequest, MessagesGoToV1MessagesWithTheDocumentedHeaders) {
  AnthropicConfig config;
  config.baseUrl = "https://api.anthropic.com";
  const sdk::UpstreamRequest request = messagesRequest(config, "sk-ant-key", R"({"model":"m"})");
  EXPECT_EQ(request.method, "POST");
  EXPECT_EQ(request.url, "https://api.anthropic.com/v1/messages");
  EXPECT_EQ(request.headers, (Headers{{"x-api-key", "sk-ant-key"},
                                      {"anthropic-version", "2023-06-01"},
                                      {"content-type", "application/json"}}));
  EXPECT_EQ(request.body, R"({"model":"m"})");
}

TEST(UpstreamRequest, BetaFeaturesAndExtraHeadersFollow) {
  AnthropicConfig config;
  config.baseUrl = "http://127.0.0.1:9000/anthropic";
  config.anthropicVersion = "2099-01-01";
  config.anthropicBeta = {"a-1", "b-2"};
  config.extraHeaders = {{"X-Team", "search"}};
  const sdk::UpstreamRequest request = messagesRequest(config, "k", "{}");
  EXPECT_EQ(request.url, "http://127.0.0.1:9000/anthropic/v1/messages");
  EXPECT_EQ(request.headers, (Headers{{"x-api-key", "k"},
                                      {"anthropic-version", "2099-01-01"},
                                      {"anthropic-beta", "a-1,b-2"},
                                      {"content-type", "application/json"},
                                      {"X-Team", "search"}}));
}

TEST(UpstreamRequest, ModelPagesAreGetsWithoutABody) {
  AnthropicConfig config;
  const sdk::UpstreamRequest first = modelsRequest(config, "k");
  EXPECT_EQ(first.method, "GET");
  EXPECT_EQ(first.url, "https://api.anthropic.com/v1/models?limit=1000");
  EXPECT_TRUE(first.body.empty());
  EXPECT_EQ(first.headers, (Headers{{"x-api-key", "k"}, {"anthropic-version", "2023-06-01"}}));
  EXPECT_EQ(modelsRequest(config, "k", "claude-3 x&y").url,
            "https://api.anthropic.com/v1/models?limit=1000&after_id=claude-3%20x%26y");
}

} // namespace
} // namespace gatehouse::plugins::anthropic
