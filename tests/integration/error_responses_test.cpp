// Every error the gateway answers with, each in the OpenAI shape with the right status.
#include "running_gateway.hpp"

namespace gatehouse::testing {
namespace {

class ErrorResponses : public RunningGateway {
protected:
  ErrorResponses() { config_.maxBodyBytes = 4096; }
};

TEST_F(ErrorResponses, MalformedJsonIs400) {
  expectApiError(postJson("/v1/chat/completions", R"({"model": "mock-echo", "messages": [)"), 400,
                 "invalid_json");
  expectStillServing();
}

TEST_F(ErrorResponses, MissingModelIs400NamingTheParam) {
  const RawResponse response =
      postJson("/v1/chat/completions", R"({"messages":[{"role":"user","content":"x"}]})");
  expectApiError(response, 400, "missing_required_parameter");
  EXPECT_STREQ(parseJson(response.body)["error"]["param"].GetString(), "model");
}

TEST_F(ErrorResponses, MissingMessagesIs400NamingTheParam) {
  const RawResponse response = postJson("/v1/chat/completions", R"({"model":"mock-echo"})");
  expectApiError(response, 400, "missing_required_parameter");
  EXPECT_STREQ(parseJson(response.body)["error"]["param"].GetString(), "messages");
}

TEST_F(ErrorResponses, EmptyMessagesIs400) {
  expectApiError(postJson("/v1/chat/completions", R"({"model":"mock-echo","messages":[]})"), 400,
                 "empty_array");
}

TEST_F(ErrorResponses, StreamOfWrongTypeIs400) {
  const RawResponse response = postJson("/v1/chat/completions", chatBody("mock-echo", R"(,"stream":"yes")"));
  expectApiError(response, 400, "invalid_type");
  EXPECT_STREQ(parseJson(response.body)["error"]["param"].GetString(), "stream");
}

TEST_F(ErrorResponses, UnknownModelIs404ModelNotFound) {
  const RawResponse response = postJson("/v1/chat/completions", chatBody("gpt-9-ultra"));
  expectApiError(response, 404, "model_not_found");
  EXPECT_STREQ(parseJson(response.body)["error"]["type"].GetString(), "not_found_error");
}

TEST_F(ErrorResponses, UnknownRouteIs404) {
  expectApiError(get("/v1/does-not-exist"), 404, "unknown_route");
  expectApiError(postJson("/v1/moderations", "{}"), 404, "unknown_route");
}

TEST_F(ErrorResponses, WrongMethodIs405WithAllow) {
  const RawResponse chat = get("/v1/chat/completions");
  expectApiError(chat, 405, "method_not_allowed");
  EXPECT_EQ(chat.header("allow"), "POST");
  const RawResponse models = postJson("/v1/models", "{}");
  expectApiError(models, 405, "method_not_allowed");
  EXPECT_EQ(models.header("allow"), "GET");
}

TEST_F(ErrorResponses, BodyOverTheLimitByContentLengthIs413) {
  RawConnection connection(port_);
  ASSERT_TRUE(
      connection.send(buildRequest("POST", "/v1/chat/completions",
                                   {{"Content-Type", "application/json"}, {"Content-Length", "999999999"}})));
  const RawResponse response = connection.readResponse();
  expectApiError(response, 413, "body_too_large");
  EXPECT_TRUE(response.closesConnection());
  expectStillServing();
}

TEST_F(ErrorResponses, ChunkedBodyOverTheLimitIs413) {
  RawConnection connection(port_);
  std::string request =
      buildRequest("POST", "/v1/chat/completions",
                   {{"Content-Type", "application/json"}, {"Transfer-Encoding", "chunked"}});
  const std::string chunk(1000, ' ');
  for (int i = 0; i < 6; ++i)
    request += "3e8\r\n" + chunk + "\r\n"; // 0x3e8 = 1000
  request += "0\r\n\r\n";
  ASSERT_TRUE(connection.send(request));
  expectApiError(connection.readResponse(), 413, "body_too_large");
  expectStillServing();
}

TEST_F(ErrorResponses, WrongContentTypeIs415) {
  expectApiError(roundTrip(port_, buildRequest("POST", "/v1/chat/completions",
                                               {{"Content-Type", "text/plain"}}, chatBody())),
                 415, "unsupported_media_type");
  expectApiError(roundTrip(port_, buildRequest("POST", "/v1/chat/completions", {}, chatBody())), 415,
                 "unsupported_media_type");
  EXPECT_EQ(roundTrip(port_, buildRequest("POST", "/v1/chat/completions",
                                          {{"Content-Type", "application/json; charset=utf-8"}}, chatBody()))
                .status,
            200);
}

} // namespace
} // namespace gatehouse::testing
