// GET /__mock/requests and POST /__mock/reset: what the upstream actually received.
#include "mock_fixture.hpp"

namespace gatehouse::mock::test {
namespace {

using RecorderEndpoint = MockUpstreamTest;

TEST_F(RecorderEndpoint, RecordsMethodTargetHeadersAndBodyUnchanged) {
  auto c = client();
  c.post("/__mock/reset", "");
  std::string body =
      R"({"model":"gpt-4o-2024-08-06","temperature":0.25,"messages":[{"role":"user","content":"x"}]})";
  c.post("/v1/chat/completions?trace=1", body,
         {{"Authorization", "Bearer sk-company"}, {"X-Custom", "kept"}});
  auto doc = parseJson(c.get("/__mock/requests").body);
  ASSERT_EQ(doc["requests"].Size(), 1u);
  const auto& entry = doc["requests"][0];
  EXPECT_STREQ(entry["method"].GetString(), "POST");
  EXPECT_STREQ(entry["target"].GetString(), "/v1/chat/completions?trace=1");
  EXPECT_STREQ(entry["headers"]["authorization"].GetString(), "Bearer sk-company");
  EXPECT_STREQ(entry["headers"]["x-custom"].GetString(), "kept");
  EXPECT_EQ(entry["body"].GetString(), body);
  EXPECT_FALSE(entry["tls"].GetBool());
}

TEST_F(RecorderEndpoint, NewestLastAndResetClears) {
  auto c = client();
  c.post("/__mock/reset", "");
  c.get("/v1/models", openAiAuth());
  c.post("/v1/embeddings", R"({"model":"m","input":"x","dimensions":2})", openAiAuth());
  auto doc = parseJson(c.get("/__mock/requests").body);
  ASSERT_EQ(doc["requests"].Size(), 2u);
  EXPECT_STREQ(doc["requests"][0]["target"].GetString(), "/v1/models");
  EXPECT_STREQ(doc["requests"][1]["target"].GetString(), "/v1/embeddings");
  EXPECT_EQ(c.post("/__mock/reset", "").status, 200);
  EXPECT_EQ(parseJson(c.get("/__mock/requests").body)["requests"].Size(), 0u);
}

TEST_F(RecorderEndpoint, RejectedAndFailedRequestsAreRecordedToo) {
  auto c = client();
  c.post("/__mock/reset", "");
  c.post("/v1/messages", "{}"); // no key: 401
  c.post("/v1/chat/completions", "{}", {{"Authorization", "Bearer k"}, {"x-mock-scenario", "fail:500"}});
  EXPECT_EQ(parseJson(c.get("/__mock/requests").body)["requests"].Size(), 2u);
}

TEST_F(RecorderEndpoint, HealthAnswers) {
  EXPECT_EQ(client().get("/__mock/health").status, 200);
  EXPECT_EQ(client().get("/__mock/nothing").status, 404);
}

TEST(RecorderDisabled, NoRecordKeepsNothing) {
  testing::MockUpstreamOptions options;
  options.record = false;
  testing::MockUpstreamProcess mock(options);
  MockClient c(mock);
  c.post("/v1/chat/completions", R"({"model":"m","messages":[{"role":"user","content":"x"}]})", openAiAuth());
  auto doc = parseJson(c.get("/__mock/requests").body);
  EXPECT_EQ(doc["requests"].Size(), 0u);
  EXPECT_FALSE(doc["recording"].GetBool());
}

} // namespace
} // namespace gatehouse::mock::test
