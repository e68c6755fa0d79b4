// Anthropic's documented error types and statuses in OpenAI's error shape.
#include <gtest/gtest.h>

#include "fixture.hpp"
#include "upstream_error.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

struct Case {
  int upstreamStatus;
  const char* anthropicType;
  int clientStatus;
  const char* openAiType;
};

std::ostream& operator<<(std::ostream& out, const Case& c) {
  return out << c.upstreamStatus << " " << c.anthropicType;
}

class HttpErrorMapping : public ::testing::TestWithParam<Case> {};

TEST_P(HttpErrorMapping, KeepsAFaithfulStatusTypeAndMessage) {
  const Case& c = GetParam();
  const std::string body =
      std::string(R"({"type":"error","error":{"type":")") + c.anthropicType +
      R"(","message":"Something about the request."},"request_id":"req_011CSHoEeqs5C35K2UUqR7Fy"})";
  const providers::OpenAiError error = translateHttpError(c.upstreamStatus, body, "claude-prod", "");
  EXPECT_EQ(error.status, c.clientStatus);
  EXPECT_EQ(error.code, c.anthropicType);
  EXPECT_EQ(error.message, "anthropic provider 'claude-prod': Something about the request.");
  const rapidjson::Document json = test::parse(providers::openAiErrorBody(error));
  EXPECT_STREQ(json["error"]["type"].GetString(), c.openAiType);
  EXPECT_STREQ(json["error"]["code"].GetString(), c.anthropicType);
  EXPECT_TRUE(json["error"]["param"].IsNull());
}

INSTANTIATE_TEST_SUITE_P(Documented, HttpErrorMapping,
                         ::testing::Values(Case{400, "invalid_request_error", 400, "invalid_request_error"},
                                           Case{401, "authentication_error", 401, "authentication_error"},
                                           Case{402, "billing_error", 402, "invalid_request_error"},
                                           Case{403, "permission_error", 403, "permission_error"},
                                           Case{404, "not_found_error", 404, "invalid_request_error"},
                                           Case{413, "request_too_large", 413, "invalid_request_error"},
                                           Case{429, "rate_limit_error", 429, "rate_limit_error"},
                                           Case{500, "api_error", 502, "server_error"},
                                           Case{504, "timeout_error", 504, "server_error"},
                                           Case{529, "overloaded_error", 503, "server_error"}),
                         [](const ::testing::TestParamInfo<Case>& testInfo) {
                           return std::to_string(testInfo.param.upstreamStatus);
                         });

TEST(HttpError, ANonJsonBodyIsNeverQuoted) {
  const providers::OpenAiError error =
      translateHttpError(502, "<html><body>Bad gateway from proxy 10.0.0.7</body></html>", "claude", "");
  EXPECT_EQ(error.status, 502);
  EXPECT_EQ(error.message, "anthropic provider 'claude': upstream answered HTTP 502 with a non-JSON body");
  EXPECT_TRUE(error.code.empty());
}

TEST(HttpError, AJsonBodyWithoutAMessageSaysTheStatus) {
  const providers::OpenAiError error = translateHttpError(503, R"({"status":"down"})", "claude", "");
  EXPECT_EQ(error.status, 503);
  EXPECT_EQ(error.message, "anthropic provider 'claude': upstream answered HTTP 503");
}

TEST(HttpError, KeysInTheMessageAreRedacted) {
  const std::string body = R"({"type":"error","error":{"type":"authentication_error",)"
                           R"("message":"invalid x-api-key sk-ant-api03-abcdefGHIJ_123 )"
                           R"(and proxy-key-XYZ"}})";
  const providers::OpenAiError error = translateHttpError(401, body, "claude", "proxy-key-XYZ");
  EXPECT_EQ(error.message.find("sk-ant"), std::string::npos) << error.message;
  EXPECT_EQ(error.message.find("proxy-key-XYZ"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("[REDACTED]"), std::string::npos) << error.message;
}

TEST(StreamError, OverloadedIsUnavailableAndTheRestUpstream) {
  const sdk::Error overloaded = translateStreamError(
      test::parse(R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})"), "claude",
      "");
  EXPECT_EQ(overloaded.status(), GH_ERROR_UNAVAILABLE);
  EXPECT_STREQ(overloaded.what(), "anthropic provider 'claude': Overloaded (overloaded_error)");
  const sdk::Error other =
      translateStreamError(test::parse(R"({"type":"error","error":{"type":"api_error"}})"), "claude", "");
  EXPECT_EQ(other.status(), GH_ERROR_UPSTREAM);
  EXPECT_STREQ(other.what(), "anthropic provider 'claude': the stream failed (api_error)");
}

TEST(StreamError, KeysAreRedacted) {
  const sdk::Error error = translateStreamError(
      test::parse(
          R"({"type":"error","error":{"type":"api_error","message":"bad key sk-ant-api03-secretvalue"}})"),
      "claude", "");
  EXPECT_EQ(std::string(error.what()).find("secretvalue"), std::string::npos) << error.what();
}

} // namespace
} // namespace gatehouse::plugins::anthropic
