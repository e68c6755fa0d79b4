#include <gatehouse/gateway/gateway_routes.hpp>

#include <gtest/gtest.h>

#include <gatehouse_test/fake_response_sink.hpp>

#include "fake_provider.hpp"

namespace gatehouse::gateway {
namespace {

class GatewayRoutesTest : public ::testing::Test {
protected:
  ModelCatalog catalog_{{}, {}};
  Authenticator anonymous_;
  ChatPipeline chat_{catalog_, anonymous_, nullptr};
  ModelsEndpoint models_{catalog_, anonymous_, 0};
  Readiness readiness_;
  http::Router router_ = buildGatewayRouter(chat_, models_, readiness_);
};

TEST_F(GatewayRoutesTest, RegistersTheGatewayEndpoints) {
  using Kind = http::RouteMatch::Kind;
  EXPECT_EQ(router_.match("GET", "/healthz").kind, Kind::Found);
  EXPECT_EQ(router_.match("GET", "/readyz").kind, Kind::Found);
  EXPECT_EQ(router_.match("GET", "/v1/models").kind, Kind::Found);
  const auto chat = router_.match("POST", "/v1/chat/completions");
  ASSERT_EQ(chat.kind, Kind::Found);
  EXPECT_EQ(chat.route->body, http::BodyPolicy::Json);
  EXPECT_EQ(router_.match("GET", "/v1/chat/completions").allow, "POST");
  EXPECT_EQ(router_.match("POST", "/v1/models").allow, "GET");
  EXPECT_EQ(router_.routes().size(), 4u);
}

TEST_F(GatewayRoutesTest, RoutesReachTheirHandlers) {
  testing::FakeClientRequest client;
  http::IncomingRequest request{client, {}, "r", 0};
  testing::FakeResponseSink health;
  router_.match("GET", "/healthz").route->handler(request, health);
  EXPECT_EQ(health.body, R"({"status":"ok"})");
  testing::FakeResponseSink ready;
  readiness_.markShuttingDown();
  router_.match("GET", "/readyz").route->handler(request, ready);
  EXPECT_EQ(ready.status, 503);
  testing::FakeResponseSink models;
  router_.match("GET", "/v1/models").route->handler(request, models);
  EXPECT_EQ(models.body, R"({"object":"list","data":[]})");
  testing::FakeResponseSink chat;
  router_.match("POST", "/v1/chat/completions").route->handler(request, chat);
  EXPECT_EQ(chat.status, 400);
}

} // namespace
} // namespace gatehouse::gateway
