#include <gatehouse/gateway/status_mapping.hpp>

#include <gtest/gtest.h>

namespace gatehouse::gateway {
namespace {

TEST(StatusMapping, FollowsTheAbiBrackets) {
  EXPECT_EQ(httpStatusFor(GH_ERROR_INVALID_ARGUMENT), 400);
  EXPECT_EQ(httpStatusFor(GH_ERROR_NOT_FOUND), 404);
  EXPECT_EQ(httpStatusFor(GH_ERROR_UNAUTHENTICATED), 401);
  EXPECT_EQ(httpStatusFor(GH_ERROR_PERMISSION_DENIED), 403);
  EXPECT_EQ(httpStatusFor(GH_ERROR_RESOURCE_EXHAUSTED), 429);
  EXPECT_EQ(httpStatusFor(GH_ERROR_UNAVAILABLE), 503);
  EXPECT_EQ(httpStatusFor(GH_ERROR_UNSUPPORTED), 400);
  EXPECT_EQ(httpStatusFor(GH_ERROR_CANCELLED), 499);
  EXPECT_EQ(httpStatusFor(GH_ERROR_INTERNAL), 500);
  EXPECT_EQ(httpStatusFor(GH_ERROR_UPSTREAM), 502);
  EXPECT_EQ(httpStatusFor(GH_ERROR_UPSTREAM_TIMEOUT), 504);
  EXPECT_EQ(httpStatusFor(GH_ERROR_CONFIG), 500);
  EXPECT_EQ(httpStatusFor(12345), 500);
}

TEST(StatusMapping, PassesTheMessageOnWithAMatchingType) {
  const http::ApiError limited = apiErrorFor(GH_ERROR_RESOURCE_EXHAUSTED, "budget spent", "r1");
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(limited.type, http::ErrorType::RateLimit);
  EXPECT_EQ(limited.message, "budget spent");
  EXPECT_EQ(limited.code, "rate_limit_exceeded");
  EXPECT_EQ(apiErrorFor(GH_ERROR_INVALID_ARGUMENT, "m", "r").type, http::ErrorType::InvalidRequest);
  EXPECT_EQ(apiErrorFor(GH_ERROR_UNAUTHENTICATED, "m", "r").type, http::ErrorType::Authentication);
  EXPECT_EQ(apiErrorFor(GH_ERROR_PERMISSION_DENIED, "m", "r").type, http::ErrorType::Permission);
  EXPECT_EQ(apiErrorFor(GH_ERROR_NOT_FOUND, "m", "r").type, http::ErrorType::NotFound);
  EXPECT_EQ(apiErrorFor(GH_ERROR_UPSTREAM, "m", "r").type, http::ErrorType::Api);
}

TEST(StatusMapping, AnUpstreamTimeoutIsA504GatewayTimeoutWithThePluginsMessage) {
  const http::ApiError timeout =
      apiErrorFor(GH_ERROR_UPSTREAM_TIMEOUT, "no response from api.openai.com:443 within 600000 ms", "r");
  EXPECT_EQ(timeout.status, 504);
  EXPECT_EQ(timeout.type, http::ErrorType::Api);
  EXPECT_EQ(timeout.code, "upstream_timeout");
  EXPECT_EQ(timeout.message, "no response from api.openai.com:443 within 600000 ms");
  const http::ApiError failed = apiErrorFor(GH_ERROR_UPSTREAM, "could not connect", "r");
  EXPECT_EQ(failed.status, 502);
  EXPECT_EQ(failed.code, "upstream_error");
}

TEST(StatusMapping, InternalFailuresHideThePluginMessage) {
  for (const gh_status status : {GH_ERROR_INTERNAL, GH_ERROR_CONFIG, 777}) {
    const http::ApiError error = apiErrorFor(status, "std::bad_alloc at 0xdeadbeef", "req-9");
    EXPECT_EQ(error.status, 500);
    EXPECT_EQ(error.type, http::ErrorType::Server);
    EXPECT_EQ(error.message.find("0xdeadbeef"), std::string::npos);
    EXPECT_NE(error.message.find("req-9"), std::string::npos);
  }
}

TEST(StatusMapping, AnEmptyMessageGetsAGenericOne) {
  EXPECT_FALSE(apiErrorFor(GH_ERROR_UPSTREAM, "", "r").message.empty());
}

} // namespace
} // namespace gatehouse::gateway
