#include <gatehouse/http/router.hpp>

#include <gtest/gtest.h>

#include <stdexcept>

namespace gatehouse::http {
namespace {

Route route(std::string method, std::string path, BodyPolicy body = BodyPolicy::None) {
  return Route{std::move(method), std::move(path), body, [](IncomingRequest&, ResponseSink&) {}};
}

Router sampleRouter() {
  Router router;
  router.add(route("GET", "/v1/models"));
  router.add(route("POST", "/v1/chat/completions", BodyPolicy::Json));
  router.add(route("GET", "/v1/things"));
  router.add(route("POST", "/v1/things"));
  return router;
}

TEST(Router, FindsAnExactMethodAndPath) {
  const Router router = sampleRouter();
  const RouteMatch match = router.match("POST", "/v1/chat/completions");
  ASSERT_EQ(match.kind, RouteMatch::Kind::Found);
  EXPECT_EQ(match.route->path, "/v1/chat/completions");
  EXPECT_EQ(match.route->body, BodyPolicy::Json);
}

TEST(Router, UnknownPathIsNotFound) {
  const Router router = sampleRouter();
  EXPECT_EQ(router.match("GET", "/v1/unknown").kind, RouteMatch::Kind::UnknownPath);
  EXPECT_EQ(router.match("GET", "/v1/models/").kind, RouteMatch::Kind::UnknownPath);
  EXPECT_EQ(router.match("GET", "/V1/MODELS").kind, RouteMatch::Kind::UnknownPath);
  EXPECT_EQ(router.match("GET", "").kind, RouteMatch::Kind::UnknownPath);
}

TEST(Router, KnownPathWithWrongMethodListsTheAllowedOnes) {
  const Router router = sampleRouter();
  const RouteMatch single = router.match("GET", "/v1/chat/completions");
  EXPECT_EQ(single.kind, RouteMatch::Kind::WrongMethod);
  EXPECT_EQ(single.allow, "POST");
  EXPECT_EQ(single.route, nullptr);
  const RouteMatch several = router.match("DELETE", "/v1/things");
  EXPECT_EQ(several.kind, RouteMatch::Kind::WrongMethod);
  EXPECT_EQ(several.allow, "GET, POST");
}

TEST(Router, MethodsAreCaseSensitive) {
  EXPECT_EQ(sampleRouter().match("get", "/v1/models").kind, RouteMatch::Kind::WrongMethod);
}

TEST(Router, RefusesDuplicateRoutes) {
  Router router = sampleRouter();
  EXPECT_THROW(router.add(route("GET", "/v1/models")), std::invalid_argument);
}

TEST(Router, PathOfStripsQueryAndFragment) {
  EXPECT_EQ(pathOf("/v1/models?limit=1"), "/v1/models");
  EXPECT_EQ(pathOf("/v1/models#top"), "/v1/models");
  EXPECT_EQ(pathOf("/v1/models"), "/v1/models");
  EXPECT_EQ(pathOf("?x"), "");
}

} // namespace
} // namespace gatehouse::http
