#include <gatehouse/http/router.hpp>

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <utility>

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

Router resourceRouter() {
  Router router;
  router.add(route("GET", "/admin/keys"));
  router.add(route("POST", "/admin/keys", BodyPolicy::Json));
  router.add(route("GET", "/admin/keys/{id}"));
  router.add(route("PATCH", "/admin/keys/{id}", BodyPolicy::Json));
  router.add(route("DELETE", "/admin/keys/{id}"));
  router.add(route("GET", "/admin/teams/{id}/members"));
  router.add(route("PUT", "/admin/teams/{id}/members/{userId}", BodyPolicy::Json));
  return router;
}

TEST(Router, PatternSegmentsMatchOneSegmentAndExposeTheirValues) {
  const Router router = resourceRouter();
  const RouteMatch key = router.match("GET", "/admin/keys/abc123");
  ASSERT_EQ(key.kind, RouteMatch::Kind::Found);
  EXPECT_EQ(key.route->path, "/admin/keys/{id}");
  ASSERT_EQ(key.params.size(), 1u);
  EXPECT_EQ(key.params[0].first, "id");
  EXPECT_EQ(key.params[0].second, "abc123");

  const RouteMatch member = router.match("PUT", "/admin/teams/t1/members/u2");
  ASSERT_EQ(member.kind, RouteMatch::Kind::Found);
  EXPECT_EQ(member.route->body, BodyPolicy::Json);
  ASSERT_EQ(member.params.size(), 2u);
  EXPECT_EQ(member.params[0], (std::pair<std::string, std::string>{"id", "t1"}));
  EXPECT_EQ(member.params[1], (std::pair<std::string, std::string>{"userId", "u2"}));
}

TEST(Router, PatternValuesArePercentDecoded) {
  const RouteMatch match = resourceRouter().match("GET", "/admin/keys/a%20b%2Bc");
  ASSERT_EQ(match.kind, RouteMatch::Kind::Found);
  EXPECT_EQ(match.params[0].second, "a b+c");
}

TEST(Router, PatternsRefuseEmptyExtraAndMalformedSegments) {
  const Router router = resourceRouter();
  EXPECT_EQ(router.match("GET", "/admin/keys/").kind, RouteMatch::Kind::UnknownPath);
  EXPECT_EQ(router.match("GET", "/admin/keys/a/b").kind, RouteMatch::Kind::UnknownPath);
  EXPECT_EQ(router.match("GET", "/admin/keys/%zz").kind, RouteMatch::Kind::UnknownPath);
  EXPECT_EQ(router.match("GET", "/admin/keys/a%2Fb").kind, RouteMatch::Kind::UnknownPath); // no smuggled '/'
  EXPECT_EQ(router.match("GET", "/admin/keys/%00").kind, RouteMatch::Kind::UnknownPath);
  EXPECT_EQ(router.match("GET", "/admin/teams/t1/members/").kind, RouteMatch::Kind::UnknownPath);
}

TEST(Router, ExactRoutesWinOverPatterns) {
  Router router;
  router.add(route("GET", "/admin/keys/{id}"));
  router.add(route("GET", "/admin/keys/mine"));
  const RouteMatch exact = router.match("GET", "/admin/keys/mine");
  ASSERT_EQ(exact.kind, RouteMatch::Kind::Found);
  EXPECT_EQ(exact.route->path, "/admin/keys/mine");
  EXPECT_TRUE(exact.params.empty());
  EXPECT_EQ(router.match("GET", "/admin/keys/other").route->path, "/admin/keys/{id}");
}

TEST(Router, WrongMethodOnAPatternListsEveryMethodOfThePath) {
  const RouteMatch match = resourceRouter().match("PUT", "/admin/keys/k1");
  EXPECT_EQ(match.kind, RouteMatch::Kind::WrongMethod);
  EXPECT_EQ(match.allow, "GET, PATCH, DELETE");
  EXPECT_EQ(resourceRouter().match("DELETE", "/admin/keys").allow, "GET, POST");
}

TEST(Router, WrongMethodMergesExactAndPatternRoutesWithoutRepeats) {
  Router router;
  router.add(route("GET", "/x/fixed"));
  router.add(route("GET", "/x/{name}"));
  router.add(route("POST", "/x/{name}"));
  const RouteMatch match = router.match("DELETE", "/x/fixed");
  EXPECT_EQ(match.kind, RouteMatch::Kind::WrongMethod);
  EXPECT_EQ(match.allow, "GET, POST");
  // The exact route does not hide the pattern's method.
  EXPECT_EQ(router.match("POST", "/x/fixed").kind, RouteMatch::Kind::Found);
}

TEST(Router, RefusesMalformedAndDuplicatePatterns) {
  Router router = resourceRouter();
  EXPECT_THROW(router.add(route("GET", "/admin/keys/{key}")), std::invalid_argument); // same shape
  EXPECT_THROW(router.add(route("GET", "/a/x{id}")), std::invalid_argument);
  EXPECT_THROW(router.add(route("GET", "/a/{}")), std::invalid_argument);
  EXPECT_THROW(router.add(route("GET", "/a/{b-c}")), std::invalid_argument);
  EXPECT_THROW(router.add(route("GET", "/a/{id}/{id}")), std::invalid_argument);
  EXPECT_NO_THROW(router.add(route("POST", "/admin/keys/{id}")));
}

TEST(Router, QueryOfReturnsTheRawQuery) {
  EXPECT_EQ(queryOf("/admin/users?after=u1&limit=5"), "after=u1&limit=5");
  EXPECT_EQ(queryOf("/admin/users?a=1#frag"), "a=1");
  EXPECT_EQ(queryOf("/admin/users#x?y"), "");
  EXPECT_EQ(queryOf("/admin/users"), "");
  EXPECT_EQ(queryOf("/p?"), "");
}

TEST(Router, PathOfStripsQueryAndFragment) {
  EXPECT_EQ(pathOf("/v1/models?limit=1"), "/v1/models");
  EXPECT_EQ(pathOf("/v1/models#top"), "/v1/models");
  EXPECT_EQ(pathOf("/v1/models"), "/v1/models");
  EXPECT_EQ(pathOf("?x"), "");
}

} // namespace
} // namespace gatehouse::http
