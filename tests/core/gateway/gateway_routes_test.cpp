#include <gatehouse/gateway/gateway_routes.hpp>

#include <gtest/gtest.h>

#include <gatehouse_test/fake_response_sink.hpp>

#include "fake_provider.hpp"

namespace gatehouse::gateway {
namespace {

class GatewayRoutesTest : public ::testing::Test {
protected:
  void SetUp() override {
    ProviderConfig config;
    config.name = "p";
    config.models = {{"m", "", {}}};
    catalog_.emplace(std::vector<ProviderConfig>{config}, ModelCatalog::ProviderMap{{"p", provider_}});
    pipeline_.emplace(*catalog_, anonymous_, nullptr);
    models_.emplace(*catalog_, anonymous_, 0);
    router_ = buildGatewayRouter(*pipeline_, *models_, readiness_);
  }

  std::shared_ptr<testing::FakeProvider> provider_ =
      std::make_shared<testing::FakeProvider>("p", [](Exchange& e) {
        e.respond(200, "application/json", "{}");
        return PluginResult{};
      });
  std::optional<ModelCatalog> catalog_;
  Authenticator anonymous_;
  std::optional<ModelPipeline> pipeline_;
  std::optional<ModelsEndpoint> models_;
  Readiness readiness_;
  http::Router router_;
};

TEST_F(GatewayRoutesTest, RegistersTheGatewayEndpoints) {
  using Kind = http::RouteMatch::Kind;
  EXPECT_EQ(router_.match("GET", "/healthz").kind, Kind::Found);
  EXPECT_EQ(router_.match("GET", "/readyz").kind, Kind::Found);
  EXPECT_EQ(router_.match("GET", "/v1/models").kind, Kind::Found);
  for (const char* path :
       {"/v1/chat/completions", "/v1/embeddings", "/v1/images/generations", "/v1/audio/speech"}) {
    const auto match = router_.match("POST", path);
    ASSERT_EQ(match.kind, Kind::Found) << path;
    EXPECT_EQ(match.route->body, http::BodyPolicy::Json) << path;
    EXPECT_EQ(router_.match("GET", path).allow, "POST") << path;
  }
  const auto transcription = router_.match("POST", "/v1/audio/transcriptions");
  ASSERT_EQ(transcription.kind, Kind::Found);
  EXPECT_EQ(transcription.route->body, http::BodyPolicy::Multipart);
  EXPECT_EQ(router_.match("POST", "/v1/models").allow, "GET");
  EXPECT_EQ(router_.routes().size(), 8u);
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
  EXPECT_EQ(models.body,
            R"({"object":"list","data":[{"id":"m","object":"model","created":0,"owned_by":"p"}]})");
}

TEST_F(GatewayRoutesTest, EachModelRouteServesItsOwnEndpoint) {
  testing::FakeClientRequest client;
  client.headers["Content-Type"] = "multipart/form-data; boundary=b";
  const std::vector<std::tuple<std::string, std::string, gh_endpoint>> cases = {
      {"/v1/chat/completions", R"({"model":"m","messages":[{"role":"user"}]})", GH_ENDPOINT_CHAT_COMPLETIONS},
      {"/v1/embeddings", R"({"model":"m","input":"x"})", GH_ENDPOINT_EMBEDDINGS},
      {"/v1/images/generations", R"({"model":"m","prompt":"x"})", GH_ENDPOINT_IMAGES},
      {"/v1/audio/speech", R"({"model":"m","input":"x","voice":"v"})", GH_ENDPOINT_AUDIO_SPEECH},
      {"/v1/audio/transcriptions",
       "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nA\r\n"
       "--b\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nm\r\n--b--",
       GH_ENDPOINT_AUDIO_TRANSCRIPTION},
  };
  for (const auto& [path, body, endpoint] : cases) {
    http::IncomingRequest request{client, body, "r", 0};
    testing::FakeResponseSink sink;
    router_.match("POST", path).route->handler(request, sink);
    EXPECT_EQ(sink.status, 200) << path << ": " << sink.body;
    EXPECT_EQ(provider_->seenEndpoint, endpoint) << path;
  }
}

} // namespace
} // namespace gatehouse::gateway
