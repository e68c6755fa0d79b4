#include <gatehouse/gateway/models_endpoint.hpp>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <gatehouse_test/fake_response_sink.hpp>

#include "fake_provider.hpp"

namespace gatehouse::gateway {
namespace {

using namespace std::chrono_literals;

ModelCatalog sampleCatalog() {
  ProviderConfig mock;
  mock.name = "mock";
  mock.models = {{"mock-echo", "echo-1", {"gpt-4o-mock"}}};
  ProviderConfig other;
  other.name = "other";
  other.models = {{"big-model", "", {}}};
  return ModelCatalog({mock, other}, {{"mock", std::make_shared<testing::FakeProvider>("mock")},
                                      {"other", std::make_shared<testing::FakeProvider>("other")}});
}

std::vector<std::pair<std::string, std::string>> idsAndOwners(const std::string& body) {
  rapidjson::Document document;
  document.Parse(body.c_str());
  std::vector<std::pair<std::string, std::string>> listed;
  if (!document.IsObject() || !document["data"].IsArray()) {
    ADD_FAILURE() << body;
    return listed;
  }
  for (const auto& model : document["data"].GetArray())
    listed.emplace_back(model["id"].GetString(), model["owned_by"].GetString());
  return listed;
}

TEST(ModelsEndpoint, ListsEveryModelAndAliasInOpenAiListFormat) {
  const ModelCatalog catalog = sampleCatalog();
  const Authenticator anonymous;
  const ModelsEndpoint endpoint(catalog, anonymous, 1700000000);
  testing::FakeClientRequest client;
  http::IncomingRequest request{client, {}, "r", 0};
  testing::FakeResponseSink sink;
  endpoint.serve(request, sink);
  EXPECT_EQ(sink.status, 200);
  EXPECT_EQ(sink.contentType, "application/json");

  rapidjson::Document document;
  document.Parse(sink.body.c_str());
  ASSERT_TRUE(document.IsObject()) << sink.body;
  EXPECT_STREQ(document["object"].GetString(), "list");
  const auto& data = document["data"];
  ASSERT_EQ(data.Size(), 3u);
  const char* ids[] = {"mock-echo", "gpt-4o-mock", "big-model"};
  const char* owners[] = {"mock", "mock", "other"};
  for (rapidjson::SizeType i = 0; i < 3; ++i) {
    EXPECT_STREQ(data[i]["id"].GetString(), ids[i]);
    EXPECT_STREQ(data[i]["object"].GetString(), "model");
    EXPECT_EQ(data[i]["created"].GetInt64(), 1700000000);
    EXPECT_STREQ(data[i]["owned_by"].GetString(), owners[i]);
  }
}

TEST(ModelsEndpoint, RequiresAuthenticationWhenConfigured) {
  const ModelCatalog catalog = sampleCatalog();
  const Authenticator nobody({{"none", [](ClientRequest&) { return AuthOutcome{}; }}});
  const ModelsEndpoint endpoint(catalog, nobody, 0);
  testing::FakeClientRequest client;
  http::IncomingRequest request{client, {}, "r", 0};
  testing::FakeResponseSink sink;
  endpoint.serve(request, sink);
  EXPECT_EQ(sink.status, 401);
  EXPECT_NE(sink.body.find("authentication_error"), std::string::npos);
}

// A fixed principal with `scopes`.
Authenticator scopedTo(std::string scopes) {
  AuthOutcome outcome;
  outcome.verdict = GH_AUTH_ACCEPTED;
  outcome.subject = "user-1";
  outcome.scopes = std::move(scopes);
  return Authenticator({{"fixed", [outcome](ClientRequest&) { return outcome; }}});
}

std::pair<int, std::string> serveWith(const ModelCatalog& catalog, const Authenticator& authenticator) {
  const ModelsEndpoint endpoint(catalog, authenticator, 0);
  testing::FakeClientRequest client;
  http::IncomingRequest request{client, {}, "r", 0};
  testing::FakeResponseSink sink;
  endpoint.serve(request, sink);
  return {sink.status, sink.body};
}

TEST(ModelsEndpoint, ListsOnlyTheModelsTheScopesAllow) {
  const ModelCatalog catalog = sampleCatalog();
  const auto [status, body] = serveWith(catalog, scopedTo("model:gpt-4o* model:big-*"));
  EXPECT_EQ(status, 200);
  const std::vector<std::pair<std::string, std::string>> expected{{"gpt-4o-mock", "mock"},
                                                                  {"big-model", "other"}};
  EXPECT_EQ(idsAndOwners(body), expected); // the alias is listed on its own, its model is not
}

TEST(ModelsEndpoint, ScopesThatAllowNothingListNothing) {
  const ModelCatalog catalog = sampleCatalog();
  const auto [status, body] = serveWith(catalog, scopedTo("model:nothing-like-this"));
  EXPECT_EQ(status, 200);
  EXPECT_TRUE(idsAndOwners(body).empty()) << body;
}

TEST(ModelsEndpoint, EndpointScopesMustIncludeModels) {
  const ModelCatalog catalog = sampleCatalog();
  const auto [status, body] = serveWith(catalog, scopedTo("endpoint:chat"));
  EXPECT_EQ(status, 403);
  EXPECT_NE(body.find("endpoint_not_allowed"), std::string::npos) << body;
  EXPECT_EQ(serveWith(catalog, scopedTo("endpoint:chat endpoint:models")).first, 200);
  EXPECT_EQ(idsAndOwners(serveWith(catalog, scopedTo("endpoint:chat endpoint:models")).second).size(), 3u);
}

class ListingModelsEndpoint : public ::testing::Test {
protected:
  void SetUp() override {
    ProviderConfig mock;
    mock.name = "mock";
    mock.models = {{"mock-echo", "", {}}};
    ProviderConfig open;
    open.name = "open";
    open.listUpstreamModels = true;
    // A configured name that happens to look like a listed upstream model.
    open.models = {{"open/gpt-4o", "gpt-4o", {}}};
    catalog_.emplace(std::vector<ProviderConfig>{mock, open},
                     ModelCatalog::ProviderMap{{"mock", std::make_shared<testing::FakeProvider>("mock")},
                                               {"open", open_}});
    endpoint_.emplace(*catalog_, anonymous_, 1700000000, [this] { return now_; });
  }

  std::string serve(const Authenticator* authenticator = nullptr) {
    if (authenticator != nullptr)
      endpoint_.emplace(*catalog_, *authenticator, 1700000000, [this] { return now_; });
    testing::FakeClientRequest client;
    http::IncomingRequest request{client, {}, "req-m", 0};
    testing::FakeResponseSink sink;
    endpoint_->serve(request, sink);
    status_ = sink.status;
    return sink.body;
  }

  std::shared_ptr<testing::FakeProvider> open_ =
      std::make_shared<testing::FakeProvider>("open", [](Exchange& e) {
        e.respond(200, "application/json", R"({"data":[{"id":"gpt-4o"},{"id":"o3"},{"id":"o3"}]})");
        return PluginResult{};
      });
  std::optional<ModelCatalog> catalog_;
  Authenticator anonymous_;
  std::optional<ModelsEndpoint> endpoint_;
  std::chrono::steady_clock::time_point now_ = std::chrono::steady_clock::time_point{} + 1h;
  int status_ = 0;
};

TEST_F(ListingModelsEndpoint, AppendsTheUpstreamsModelsOnceEachAfterTheConfiguredOnes) {
  const std::vector<std::pair<std::string, std::string>> expected{
      {"mock-echo", "mock"}, {"open/gpt-4o", "open"}, {"open/o3", "open"}};
  EXPECT_EQ(idsAndOwners(serve()), expected);
  EXPECT_EQ(status_, 200);
}

TEST_F(ListingModelsEndpoint, CachesTheUpstreamListForAMinute) {
  serve();
  now_ += 30s;
  serve();
  EXPECT_EQ(open_->calls, 1);
  now_ += 30s;
  serve();
  EXPECT_EQ(open_->calls, 2);
}

TEST_F(ListingModelsEndpoint, ServesTheConfiguredModelsWhenTheUpstreamCannotBeListed) {
  open_->setBehaviour([](Exchange&) { return PluginResult{GH_ERROR_UPSTREAM_TIMEOUT, "timed out"}; });
  const std::vector<std::pair<std::string, std::string>> expected{{"mock-echo", "mock"},
                                                                  {"open/gpt-4o", "open"}};
  EXPECT_EQ(idsAndOwners(serve()), expected);
  EXPECT_EQ(status_, 200);
}

TEST_F(ListingModelsEndpoint, AnUnauthenticatedRequestNeverReachesTheProvider) {
  const Authenticator nobody({{"none", [](ClientRequest&) { return AuthOutcome{}; }}});
  serve(&nobody);
  EXPECT_EQ(status_, 401);
  EXPECT_EQ(open_->calls, 0);
}

TEST_F(ListingModelsEndpoint, UpstreamModelsAreFilteredByTheScopesToo) {
  const Authenticator scoped = scopedTo("model:open/*");
  const std::vector<std::pair<std::string, std::string>> expected{{"open/gpt-4o", "open"},
                                                                  {"open/o3", "open"}};
  EXPECT_EQ(idsAndOwners(serve(&scoped)), expected);
  const Authenticator narrower = scopedTo("model:open/o*");
  const std::vector<std::pair<std::string, std::string>> onlyO3{{"open/o3", "open"}};
  EXPECT_EQ(idsAndOwners(serve(&narrower)), onlyO3);
}

} // namespace
} // namespace gatehouse::gateway
