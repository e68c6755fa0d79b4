#include <gatehouse/gateway/models_endpoint.hpp>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <gatehouse_test/fake_response_sink.hpp>

#include "fake_provider.hpp"

namespace gatehouse::gateway {
namespace {

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

} // namespace
} // namespace gatehouse::gateway
