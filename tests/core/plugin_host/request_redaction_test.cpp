#include <gatehouse/plugin_host/request_redaction.hpp>

#include <gtest/gtest.h>

namespace gatehouse {
namespace {

std::string redacted(std::string message, const UpstreamRequest& request) {
  redactRequestDetails(message, request);
  return message;
}

UpstreamRequest to(std::string_view url) {
  UpstreamRequest request;
  request.method = "GET";
  request.url = url;
  return request;
}

TEST(RequestRedaction, MessageWithoutRequestDetailsIsUnchanged) {
  const UpstreamRequest request = to("https://idp.test/jwks?kid=abcdefgh12345");
  EXPECT_EQ(redacted("upstream idp.test:443 timed out after 30 s", request),
            "upstream idp.test:443 timed out after 30 s");
}

TEST(RequestRedaction, QueryStringGoesWholeAndByValue) {
  const UpstreamRequest request = to("https://g.test/v1/models?key=AIzaSyLongSecretValue&alt=sse#frag");
  EXPECT_EQ(redacted("GET https://g.test/v1/models?key=AIzaSyLongSecretValue&alt=sse failed", request),
            "GET https://g.test/v1/models[REDACTED] failed");
  EXPECT_EQ(redacted("bad key AIzaSyLongSecretValue", request), "bad key [REDACTED]");
  // Short values are ordinary words elsewhere ("sse"): only the whole query is masked.
  EXPECT_EQ(redacted("stream as sse", request), "stream as sse");
}

TEST(RequestRedaction, ShortQueryIsMaskedWhereItFollowsTheMark) {
  const UpstreamRequest request = to("https://g.test/x?k=1");
  EXPECT_EQ(redacted("GET /x?k=1 failed", request), "GET /x[REDACTED] failed");
}

TEST(RequestRedaction, UserInfoInTheUrlIsMasked) {
  const UpstreamRequest request = to("https://client:p4ssw0rd@idp.test/token");
  EXPECT_EQ(redacted("refused https://client:p4ssw0rd@idp.test/token", request),
            "refused https://[REDACTED]@idp.test/token");
}

TEST(RequestRedaction, HeaderValuesAndTheirWordsAreMasked) {
  UpstreamRequest request = to("https://api.test/v1/chat");
  request.headers = {{"Authorization", "Bearer sk-live-0123456789"}, {"x-api-key", "short"}};
  EXPECT_EQ(redacted("sent Bearer sk-live-0123456789", request), "sent [REDACTED]");
  EXPECT_EQ(redacted("token sk-live-0123456789 refused", request), "token [REDACTED] refused");
  EXPECT_EQ(redacted("a short answer", request), "a short answer");
}

TEST(RequestRedaction, EveryOccurrenceIsMasked) {
  UpstreamRequest request = to("https://api.test/v1");
  request.headers = {{"x-api-key", "secret-key-value"}};
  EXPECT_EQ(redacted("secret-key-value and secret-key-value", request), "[REDACTED] and [REDACTED]");
}

} // namespace
} // namespace gatehouse
