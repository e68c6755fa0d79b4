#include <gatehouse/gateway/model_list_exchange.hpp>

#include <gtest/gtest.h>

#include <memory>
#include <vector>

#include "fake_provider.hpp"
#include "fake_upstream.hpp"

namespace gatehouse::gateway {
namespace {

class ModelListExchangeTest : public ::testing::Test {
protected:
  std::shared_ptr<testing::FakeUpstreamClient> upstream_ = std::make_shared<testing::FakeUpstreamClient>();
  testing::FakeProvider provider_{"p", nullptr, upstream_};
  ModelListExchange exchange_{provider_, "req-7"};
};

TEST_F(ModelListExchangeTest, AsksForTheModelsWithNoClientRequestBehindIt) {
  EXPECT_EQ(exchange_.endpoint(), GH_ENDPOINT_MODELS);
  EXPECT_EQ(exchange_.requestId(), "req-7");
  EXPECT_EQ(exchange_.requestBody(), "");
  EXPECT_EQ(exchange_.model(), "");
  EXPECT_EQ(exchange_.upstreamModel(), "");
  EXPECT_FALSE(exchange_.wantsStream());
  EXPECT_EQ(exchange_.requestHeader("content-type"), "");
  EXPECT_EQ(exchange_.formField("file"), "");
}

TEST_F(ModelListExchangeTest, KeepsTheOneAnswer) {
  EXPECT_FALSE(exchange_.responded());
  EXPECT_EQ(exchange_.respond(200, "application/json", R"({"data":[]})"), GH_OK);
  EXPECT_TRUE(exchange_.responded());
  EXPECT_EQ(exchange_.httpStatus(), 200);
  EXPECT_EQ(exchange_.body(), R"({"data":[]})");
  EXPECT_EQ(exchange_.respond(200, "application/json", "again"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(exchange_.body(), R"({"data":[]})");
}

TEST_F(ModelListExchangeTest, RefusesStreamsAndImpossibleStatuses) {
  EXPECT_EQ(exchange_.respond(99, "application/json", "{}"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(exchange_.streamEvent("{}"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(exchange_.streamBegin(200, "text/plain"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(exchange_.streamWrite("x"), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_FALSE(exchange_.responded());
}

TEST_F(ModelListExchangeTest, AcceptsUsageWithoutRecordingIt) {
  gh_usage usage{};
  usage.struct_size = sizeof usage;
  EXPECT_EQ(exchange_.reportUsage(usage), GH_OK);
}

TEST_F(ModelListExchangeTest, SendsUpstreamThroughTheProvidersClient) {
  std::unique_ptr<UpstreamResponse> response;
  UpstreamFailure failure;
  EXPECT_EQ(exchange_.sendUpstream(UpstreamRequest{"GET", "https://api.example/v1/models", {}, {}}, response,
                                   failure),
            GH_OK);
  ASSERT_EQ(upstream_->sentRequests.size(), 1u);
  EXPECT_EQ(upstream_->sentRequests[0].url, "https://api.example/v1/models");
  provider_.setUpstream(nullptr);
  EXPECT_EQ(exchange_.sendUpstream(UpstreamRequest{"GET", "https://x/", {}, {}}, response, failure),
            GH_ERROR_UNSUPPORTED);
}

TEST_F(ModelListExchangeTest, UsesAndRestsThePoolsCredentialLikeAClientRequest) {
  EXPECT_EQ(exchange_.credential(), "");
  provider_.setCredentials(std::make_unique<CredentialPool>(
      "p", std::vector<CredentialPool::Credential>{{"a", "sk-a", 1}, {"b", "sk-b", 1}}));
  ModelListExchange first(provider_, "req-8");
  EXPECT_EQ(first.credential(), "sk-a");
  upstream_->responseStatus = 403;
  std::unique_ptr<UpstreamResponse> response;
  UpstreamFailure failure;
  ASSERT_EQ(
      first.sendUpstream(UpstreamRequest{"GET", "https://api.example/v1/models", {}, {}}, response, failure),
      GH_OK);
  for (int i = 0; i < 3; ++i) {
    ModelListExchange next(provider_, "req-9");
    EXPECT_EQ(next.credential(), "sk-b") << i;
  }
}

} // namespace
} // namespace gatehouse::gateway
