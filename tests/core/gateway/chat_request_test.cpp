#include <gatehouse/gateway/chat_request.hpp>

#include <gtest/gtest.h>

#include "request_parsing.hpp"

namespace gatehouse::gateway {
namespace {

ModelRequest accepted(std::string_view body) {
  return testing::acceptedRequest(parseChatRequest(body), body);
}

http::ApiError refused(std::string_view body) {
  return testing::refusedRequest(parseChatRequest(body), body);
}

constexpr std::string_view kMinimal = R"({"model":"m","messages":[{"role":"user","content":"hi"}]})";

TEST(ChatRequest, AcceptsAMinimalRequest) {
  const ModelRequest request = accepted(kMinimal);
  EXPECT_EQ(request.endpoint, GH_ENDPOINT_CHAT_COMPLETIONS);
  EXPECT_EQ(request.model, "m");
  EXPECT_FALSE(request.stream);
  EXPECT_TRUE(request.form.parts().empty());
}

TEST(ChatRequest, ReadsStream) {
  EXPECT_TRUE(accepted(R"({"model":"m","messages":[{"role":"user"}],"stream":true})").stream);
  EXPECT_FALSE(accepted(R"({"model":"m","messages":[{"role":"user"}],"stream":false})").stream);
  EXPECT_FALSE(accepted(R"({"model":"m","messages":[{"role":"user"}],"stream":null})").stream);
}

TEST(ChatRequest, IgnoresFieldsItDoesNotNeed) {
  EXPECT_EQ(
      accepted(R"({"model":"x/y","messages":[{"role":"user"}],"temperature":0.2,"tools":[{"a":[1,2]}]})")
          .model,
      "x/y");
}

TEST(ChatRequest, MalformedJsonIsInvalidJson) {
  for (const std::string_view body :
       {"{", "{\"model\":}", "nope", "{\"model\":\"m\"} trailing", "\xff\xfe"}) {
    const http::ApiError error = refused(body);
    EXPECT_EQ(error.status, 400) << body;
    EXPECT_EQ(error.code, "invalid_json") << body;
    EXPECT_EQ(error.type, http::ErrorType::InvalidRequest);
  }
}

TEST(ChatRequest, EmptyBodyIsInvalidJson) {
  EXPECT_EQ(refused("").code, "invalid_json");
}

TEST(ChatRequest, InvalidUtf8InAStringIsRefused) {
  EXPECT_EQ(refused("{\"model\":\"\xc3\x28\",\"messages\":[{\"role\":\"user\"}]}").code, "invalid_json");
}

TEST(ChatRequest, NonObjectBodyIsRefused) {
  const http::ApiError error = refused(R"([{"model":"m"}])");
  EXPECT_EQ(error.status, 400);
  EXPECT_EQ(error.code, "invalid_request_body");
}

TEST(ChatRequest, MissingModelNamesTheParam) {
  const http::ApiError error = refused(R"({"messages":[{"role":"user"}]})");
  EXPECT_EQ(error.status, 400);
  EXPECT_EQ(error.param, "model");
  EXPECT_EQ(error.code, "missing_required_parameter");
}

TEST(ChatRequest, ModelOfWrongTypeOrEmptyIsRefused) {
  const http::ApiError wrongType = refused(R"({"model":42,"messages":[{"role":"user"}]})");
  EXPECT_EQ(wrongType.param, "model");
  EXPECT_EQ(wrongType.code, "invalid_type");
  const http::ApiError empty = refused(R"({"model":"","messages":[{"role":"user"}]})");
  EXPECT_EQ(empty.param, "model");
  EXPECT_EQ(empty.code, "invalid_value");
}

TEST(ChatRequest, MissingWrongTypeOrEmptyMessagesIsRefused) {
  const http::ApiError missing = refused(R"({"model":"m"})");
  EXPECT_EQ(missing.param, "messages");
  EXPECT_EQ(missing.code, "missing_required_parameter");
  const http::ApiError wrongType = refused(R"({"model":"m","messages":"hi"})");
  EXPECT_EQ(wrongType.param, "messages");
  EXPECT_EQ(wrongType.code, "invalid_type");
  const http::ApiError empty = refused(R"({"model":"m","messages":[]})");
  EXPECT_EQ(empty.param, "messages");
  EXPECT_EQ(empty.code, "empty_array");
}

TEST(ChatRequest, EachMessageNeedsAnObjectWithAStringRole) {
  const http::ApiError notObject = refused(R"({"model":"m","messages":[{"role":"user"},"hi"]})");
  EXPECT_EQ(notObject.param, "messages[1]");
  EXPECT_EQ(notObject.code, "invalid_type");
  const http::ApiError noRole = refused(R"({"model":"m","messages":[{"content":"x"}]})");
  EXPECT_EQ(noRole.param, "messages[0].role");
  EXPECT_EQ(noRole.code, "missing_required_parameter");
  const http::ApiError badRole = refused(R"({"model":"m","messages":[{"role":1}]})");
  EXPECT_EQ(badRole.param, "messages[0].role");
  EXPECT_EQ(badRole.code, "invalid_type");
}

TEST(ChatRequest, StreamOfWrongTypeIsRefused) {
  for (const std::string_view body : {R"({"model":"m","messages":[{"role":"user"}],"stream":"yes"})",
                                      R"({"model":"m","messages":[{"role":"user"}],"stream":1})"}) {
    const http::ApiError error = refused(body);
    EXPECT_EQ(error.status, 400);
    EXPECT_EQ(error.param, "stream");
    EXPECT_EQ(error.code, "invalid_type");
  }
}

TEST(ChatRequest, DeepNestingIsRefusedWithoutRecursion) {
  const std::string deep = R"({"model":"m","messages":[{"role":"user"}],"x":)" + std::string(100000, '[') +
                           std::string(100000, ']') + "}";
  const http::ApiError error = refused(deep);
  EXPECT_EQ(error.status, 400);
  EXPECT_EQ(error.code, "json_too_deep");
}

TEST(ChatRequest, ModerateNestingIsFine) {
  const std::string nested = R"({"model":"m","messages":[{"role":"user"}],"x":)" + std::string(100, '[') +
                             std::string(100, ']') + "}";
  EXPECT_EQ(accepted(nested).model, "m");
}

TEST(ChatRequest, LargeBodiesParseBeyondTheStackBuffers) {
  std::string body = R"({"model":"m","messages":[)";
  for (int i = 0; i < 2000; ++i)
    body += std::string(i ? "," : "") + R"({"role":"user","content":"hello there"})";
  body += "]}";
  EXPECT_EQ(accepted(body).model, "m");
}

} // namespace
} // namespace gatehouse::gateway
