// Upstream error answers reach the client in the OpenAI shape with the gateway's status
// mapping, the provider's own details, the provider named and no key.
#include <string>

#include "openai_plugin_fixture.hpp"
#include "upstream_error.hpp"

namespace gatehouse::plugins::openai::test {
namespace {

struct StatusCase {
  int upstream;
  int client;
};

class UpstreamErrorStatus : public OpenAiPluginTest, public ::testing::WithParamInterface<StatusCase> {};

TEST_P(UpstreamErrorStatus, IsMappedAndKeepsTheProvidersDetails) {
  createProvider();
  FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})");
  exchange.upstream().respond(FakeUpstreamResponse::body(
      GetParam().upstream,
      R"({"error":{"message":"Something about temperature","type":"invalid_request_error",)"
      R"("param":"temperature","code":"bad_value"}})"));
  ASSERT_EQ(handle(exchange), GH_OK) << host_.lastError();
  EXPECT_EQ(exchange.status(), GetParam().client);
  EXPECT_EQ(exchange.contentType(), "application/json");
  const auto body = parseJson(exchange.responseBody());
  EXPECT_EQ(std::string(body["error"]["message"].GetString()), "upstream 'openai-main' answered HTTP " +
                                                                   std::to_string(GetParam().upstream) +
                                                                   ": Something about temperature");
  EXPECT_STREQ(body["error"]["type"].GetString(), "invalid_request_error");
  EXPECT_STREQ(body["error"]["param"].GetString(), "temperature");
  EXPECT_STREQ(body["error"]["code"].GetString(), "bad_value");
  EXPECT_FALSE(exchange.usage());
  expectTidyUpstream(exchange);
}

INSTANTIATE_TEST_SUITE_P(Statuses, UpstreamErrorStatus,
                         ::testing::Values(StatusCase{400, 400}, StatusCase{401, 401}, StatusCase{403, 403},
                                           StatusCase{404, 404}, StatusCase{409, 409}, StatusCase{413, 413},
                                           StatusCase{418, 418}, StatusCase{422, 422}, StatusCase{429, 429},
                                           StatusCase{500, 502}, StatusCase{501, 502}, StatusCase{502, 502},
                                           StatusCase{503, 503}, StatusCase{529, 503}, StatusCase{504, 504},
                                           StatusCase{520, 502}, StatusCase{302, 502}),
                         [](const ::testing::TestParamInfo<StatusCase>& param) {
                           return "Http" + std::to_string(param.param.upstream);
                         });

class UpstreamErrorBody : public OpenAiPluginTest {
protected:
  rapidjson::Document answer(int status, const std::string& body,
                             const std::string& contentType = "application/json") {
    if (host_.providerCount() == 0) {
      createProvider();
    }
    FakeExchange exchange = request(GH_ENDPOINT_CHAT_COMPLETIONS, R"({"messages":[]})");
    exchange.upstream().respond(FakeUpstreamResponse::body(status, body, contentType));
    EXPECT_EQ(handle(exchange), GH_OK) << host_.lastError();
    status_ = exchange.status();
    expectNoKeyLeak(exchange);
    raw_ = exchange.responseBody();
    return parseJson(raw_);
  }
  int status_ = 0;
  std::string raw_;
};

TEST_F(UpstreamErrorBody, HtmlFromAProxyIsNeverRepeated) {
  const auto error = answer(502, "<html><body><h1>502 Bad Gateway</h1>nginx</body></html>", "text/html");
  EXPECT_EQ(status_, 502);
  EXPECT_STREQ(error["error"]["message"].GetString(),
               "upstream 'openai-main' answered HTTP 502 with a non-JSON body");
  EXPECT_STREQ(error["error"]["type"].GetString(), "server_error");
  EXPECT_TRUE(error["error"]["param"].IsNull());
  EXPECT_TRUE(error["error"]["code"].IsNull());
  EXPECT_EQ(raw_.find("nginx"), std::string::npos);
}

TEST_F(UpstreamErrorBody, MaskedAndWholeKeysAreRedactedEverywhere) {
  const auto error = answer(
      401, std::string(
               R"({"error":{"message":"Incorrect API key provided: sk-proj-abc1*********************wxyz. )"
               R"(You can find your API key at https://platform.openai.com/account/api-keys. Also )") +
               kCompanyKey + R"(","type":"invalid_request_error","param":")" + kCompanyKey +
               R"(","code":"invalid_api_key"}})");
  EXPECT_EQ(status_, 401);
  EXPECT_EQ(
      std::string(error["error"]["message"].GetString()),
      "upstream 'openai-main' answered HTTP 401: Incorrect API key provided: [REDACTED]. You can find your "
      "API key at https://platform.openai.com/account/api-keys. Also [REDACTED]");
  EXPECT_STREQ(error["error"]["param"].GetString(), "[REDACTED]");
  EXPECT_STREQ(error["error"]["code"].GetString(), "invalid_api_key");
}

TEST_F(UpstreamErrorBody, AzureShapeWithANumericCodeAndNoType) {
  const auto error =
      answer(401, R"({"error":{"code":"401","message":"Access denied due to invalid subscription key."}})");
  EXPECT_STREQ(error["error"]["type"].GetString(), "authentication_error");
  EXPECT_STREQ(error["error"]["code"].GetString(), "401");
  const auto numeric =
      answer(500, R"({"error":{"code":500,"message":"llama.cpp failed","type":"server_error"}})");
  EXPECT_STREQ(numeric["error"]["code"].GetString(), "500");
}

TEST_F(UpstreamErrorBody, OtherServersShapesStillGiveTheirMessage) {
  EXPECT_STREQ(answer(404, R"({"detail":"Not Found"})")["error"]["message"].GetString(),
               "upstream 'openai-main' answered HTTP 404: Not Found");
  EXPECT_STREQ(answer(400, R"({"error":"model 'x' not found"})")["error"]["message"].GetString(),
               "upstream 'openai-main' answered HTTP 400: model 'x' not found");
  EXPECT_STREQ(answer(503, R"({"message":"overloaded"})")["error"]["message"].GetString(),
               "upstream 'openai-main' answered HTTP 503: overloaded");
  const auto bare = answer(429, R"({"something":"else"})");
  EXPECT_STREQ(bare["error"]["message"].GetString(), "upstream 'openai-main' answered HTTP 429");
  EXPECT_STREQ(bare["error"]["type"].GetString(), "rate_limit_error");
}

// --- the building blocks, without the plugin ---

TEST(UpstreamErrorParts, ErrorMessageOfFindsEachShapeAndNothingElse) {
  const auto message = [](const char* json) {
    rapidjson::Document document;
    document.Parse(json);
    return errorMessageOf(document);
  };
  EXPECT_EQ(message(R"({"error":{"message":"m1"}})"), "m1");
  EXPECT_EQ(message(R"({"error":"m2"})"), "m2");
  EXPECT_EQ(message(R"({"type":"error","message":"m3"})"), "m3");
  EXPECT_EQ(message(R"({"error":{}})"), "an error without a message");
  EXPECT_EQ(message(R"({"error":null,"choices":[]})"), "");
  EXPECT_EQ(message(R"({"choices":[{"delta":{"content":"error"}}]})"), "");
  EXPECT_EQ(message("[1]"), "");
}

} // namespace
} // namespace gatehouse::plugins::openai::test
