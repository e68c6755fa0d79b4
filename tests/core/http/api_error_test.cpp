#include <gatehouse/http/api_error.hpp>

#include <gtest/gtest.h>
#include <rapidjson/document.h>

namespace gatehouse::http {
namespace {

rapidjson::Document parse(const std::string& json) {
  rapidjson::Document document;
  document.Parse(json.c_str());
  EXPECT_FALSE(document.HasParseError()) << json;
  return document;
}

TEST(ApiError, SerialisesTheOpenAiShapeWithNullsForEmptyParamAndCode) {
  const auto document = parse(toJson(ApiError{404, ErrorType::NotFound, "no such thing", {}, {}}));
  ASSERT_TRUE(document.IsObject());
  EXPECT_EQ(document.MemberCount(), 1u);
  const auto& error = document["error"];
  EXPECT_EQ(error.MemberCount(), 4u);
  EXPECT_STREQ(error["message"].GetString(), "no such thing");
  EXPECT_STREQ(error["type"].GetString(), "not_found_error");
  EXPECT_TRUE(error["param"].IsNull());
  EXPECT_TRUE(error["code"].IsNull());
}

TEST(ApiError, CarriesParamAndCodeAndEscapesText) {
  const auto document = parse(toJson(badRequest("bad \"quote\"\n", "messages", "invalid_type")));
  const auto& error = document["error"];
  EXPECT_STREQ(error["message"].GetString(), "bad \"quote\"\n");
  EXPECT_STREQ(error["type"].GetString(), "invalid_request_error");
  EXPECT_STREQ(error["param"].GetString(), "messages");
  EXPECT_STREQ(error["code"].GetString(), "invalid_type");
}

TEST(ApiError, NamesEveryErrorTypeAsOpenAiDoes) {
  EXPECT_EQ(errorTypeName(ErrorType::InvalidRequest), "invalid_request_error");
  EXPECT_EQ(errorTypeName(ErrorType::Authentication), "authentication_error");
  EXPECT_EQ(errorTypeName(ErrorType::Permission), "permission_error");
  EXPECT_EQ(errorTypeName(ErrorType::NotFound), "not_found_error");
  EXPECT_EQ(errorTypeName(ErrorType::RateLimit), "rate_limit_error");
  EXPECT_EQ(errorTypeName(ErrorType::Server), "server_error");
  EXPECT_EQ(errorTypeName(ErrorType::Api), "api_error");
}

TEST(ApiError, InternalErrorIsGenericAndQuotesTheRequestId) {
  const ApiError error = internalError("req-123");
  EXPECT_EQ(error.status, 500);
  EXPECT_EQ(error.type, ErrorType::Server);
  EXPECT_NE(error.message.find("req-123"), std::string::npos);
  EXPECT_EQ(error.code, "internal_error");
}

TEST(ApiError, BuildersSetStatusAndType) {
  const ApiError bad = badRequest("m", "p", "c");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.type, ErrorType::InvalidRequest);
  const ApiError missing = notFound("m", "model_not_found");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.type, ErrorType::NotFound);
  EXPECT_EQ(missing.code, "model_not_found");
}

} // namespace
} // namespace gatehouse::http
