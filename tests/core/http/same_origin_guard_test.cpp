#include <gatehouse/http/same_origin_guard.hpp>

#include <gtest/gtest.h>

#include <gatehouse_test/fake_response_sink.hpp>

namespace gatehouse::http {
namespace {

using testing::FakeClientRequest;
using testing::FakeResponseSink;

constexpr const char* kCookie = "gatehouse_session";

FakeClientRequest cookieRequest(const std::string& method) {
  FakeClientRequest request;
  request.methodName = method;
  request.pathName = "/admin/keys";
  request.headers["Cookie"] = "gatehouse_session=abc";
  return request;
}

TEST(OriginOf, NormalisesSchemeHostAndDefaultPorts) {
  EXPECT_EQ(originOf("https://Example.COM"), "https://example.com");
  EXPECT_EQ(originOf("https://example.com:443/path?q"), "https://example.com");
  EXPECT_EQ(originOf("http://example.com:80"), "http://example.com");
  EXPECT_EQ(originOf("http://example.com:8080"), "http://example.com:8080");
  EXPECT_EQ(originOf("https://example.com:80"), "https://example.com:80");
  EXPECT_EQ(originOf("http://[::1]:8080"), "http://[::1]:8080");
  EXPECT_EQ(originOf("http://[::1]"), "http://[::1]");
  EXPECT_EQ(originOf("null"), "");
  EXPECT_EQ(originOf("ftp://example.com"), "");
  EXPECT_EQ(originOf("https://user@example.com"), "");
  EXPECT_EQ(originOf("https://"), "");
}

TEST(SameOriginGuard, UnsafeCookieRequestsNeedTheGatewaysOrigin) {
  const SameOriginGuard guard(kCookie, std::string("https://ai.example.com"));
  for (const std::string method : {"POST", "PUT", "PATCH", "DELETE"}) {
    FakeClientRequest request = cookieRequest(method);
    EXPECT_FALSE(guard.allows(request)) << method << " without Origin";
    request.headers["Origin"] = "https://evil.example.com";
    EXPECT_FALSE(guard.allows(request)) << method << " from another site";
    request.headers["Origin"] = "null";
    EXPECT_FALSE(guard.allows(request)) << method << " from an opaque origin";
    request.headers["Origin"] = "https://ai.example.com";
    EXPECT_TRUE(guard.allows(request)) << method << " from the gateway's own pages";
    request.headers["Origin"] = "https://AI.example.com:443";
    EXPECT_TRUE(guard.allows(request)) << method << " same origin, other spelling";
  }
}

TEST(SameOriginGuard, SecFetchSiteSameOriginIsEnough) {
  const SameOriginGuard guard(kCookie, std::string("https://ai.example.com"));
  FakeClientRequest request = cookieRequest("POST");
  request.headers["Sec-Fetch-Site"] = "same-origin";
  EXPECT_TRUE(guard.allows(request));
  request.headers["Sec-Fetch-Site"] = "same-site"; // a sibling subdomain is another site's page
  EXPECT_FALSE(guard.allows(request));
  request.headers["Sec-Fetch-Site"] = "cross-site";
  EXPECT_FALSE(guard.allows(request));
}

TEST(SameOriginGuard, SafeMethodsAndRequestsWithoutTheCookiePass) {
  const SameOriginGuard guard(kCookie, std::string("https://ai.example.com"));
  EXPECT_TRUE(guard.allows(cookieRequest("GET")));
  EXPECT_TRUE(guard.allows(cookieRequest("HEAD")));
  FakeClientRequest apiClient;
  apiClient.methodName = "POST";
  apiClient.headers["Authorization"] = "Bearer ghk_x";
  EXPECT_TRUE(guard.allows(apiClient));
  FakeClientRequest otherCookie = cookieRequest("POST");
  otherCookie.headers["Cookie"] = "theme=dark; gatehouse_session=";
  EXPECT_TRUE(guard.allows(otherCookie)); // an emptied (logged-out) cookie signs nobody in
}

TEST(SameOriginGuard, PublicUrlIsAskedPerRequest) {
  std::string publicUrl = "http://127.0.0.1:0";
  const SameOriginGuard guard(kCookie, [&publicUrl] { return publicUrl; });
  FakeClientRequest request = cookieRequest("POST");
  request.headers["Origin"] = "http://127.0.0.1:8123";
  EXPECT_FALSE(guard.allows(request));
  publicUrl = "http://127.0.0.1:8123"; // the port became known
  EXPECT_TRUE(guard.allows(request));
}

TEST(SameOriginGuard, WrappedHandlersAnswer403AndNeverRun) {
  const SameOriginGuard guard(kCookie, std::string("https://ai.example.com"));
  Router router;
  int calls = 0;
  router.add({"POST", "/admin/keys", BodyPolicy::Json, [&calls](IncomingRequest&, ResponseSink& response) {
                ++calls;
                response.send(201, "application/json", "{}");
              }});
  const Router guarded = guard.wrapAll(router);
  ASSERT_EQ(guarded.routes().size(), 1u);
  EXPECT_EQ(guarded.routes()[0].body, BodyPolicy::Json);
  const RouteMatch match = guarded.match("POST", "/admin/keys");
  ASSERT_EQ(match.kind, RouteMatch::Kind::Found);

  FakeClientRequest forged = cookieRequest("POST");
  FakeResponseSink refused;
  IncomingRequest forgedRequest{forged, "{}", "r1", 0};
  match.route->handler(forgedRequest, refused);
  EXPECT_EQ(refused.status, 403);
  EXPECT_NE(refused.body.find("\"code\":\"cross_site_request\""), std::string::npos) << refused.body;
  EXPECT_NE(refused.body.find("\"type\":\"permission_error\""), std::string::npos);
  EXPECT_EQ(calls, 0);

  FakeClientRequest genuine = cookieRequest("POST");
  genuine.headers["Origin"] = "https://ai.example.com";
  FakeResponseSink served;
  IncomingRequest genuineRequest{genuine, "{}", "r2", 0};
  match.route->handler(genuineRequest, served);
  EXPECT_EQ(served.status, 201);
  EXPECT_EQ(calls, 1);
}

} // namespace
} // namespace gatehouse::http
