#include <gtest/gtest.h>

#include "base64url.hpp"
#include "compact_jws.hpp"
#include "token_error.hpp"

namespace gatehouse::plugins::oidc {
namespace {

std::string part(const std::string& json) {
  return base64UrlEncode(json);
}

TokenProblem problemOf(const std::string& token) {
  try {
    parseCompactJws(token);
  } catch (const TokenError& error) {
    return error.problem();
  }
  ADD_FAILURE() << "parsed: " << token;
  return TokenProblem::BadSignature;
}

TEST(LooksLikeJwt, AcceptsThreeBase64UrlParts) {
  EXPECT_TRUE(looksLikeJwt("eyJh.eyJz.c2ln"));
  EXPECT_TRUE(looksLikeJwt("eyJh.eyJz.")) << "an unsigned token is still a JWT (refused later, not ignored)";
}

TEST(LooksLikeJwt, LeavesEverythingElseToOtherPlugins) {
  EXPECT_FALSE(looksLikeJwt("ghk_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG")) << "an API key";
  EXPECT_FALSE(looksLikeJwt("sk-live-123"));
  EXPECT_FALSE(looksLikeJwt(""));
  EXPECT_FALSE(looksLikeJwt("a.b"));
  EXPECT_FALSE(looksLikeJwt("a.b.c.d.e")) << "JWE";
  EXPECT_FALSE(looksLikeJwt(".b.c"));
  EXPECT_FALSE(looksLikeJwt("a..c"));
  EXPECT_FALSE(looksLikeJwt("a+b.c.d"));
  EXPECT_FALSE(looksLikeJwt("a.b.c=")) << "padding";
}

TEST(ParseCompactJws, SplitsAndDecodes) {
  const std::string header = part(R"({"alg":"RS256","kid":"k1","typ":"JWT"})");
  const std::string payload = part(R"({"sub":"u1","aud":["a","b"]})");
  const std::string token = header + "." + payload + "." + base64UrlEncode("sig-bytes");
  const CompactJws jws = parseCompactJws(token);
  EXPECT_EQ(jws.alg, "RS256");
  EXPECT_EQ(jws.kid, "k1");
  EXPECT_EQ(jws.signingInput, header + "." + payload);
  EXPECT_EQ(jws.signature, "sig-bytes");
  EXPECT_EQ(jws.claims.string("sub"), "u1");
}

TEST(ParseCompactJws, KidIsOptional) {
  const CompactJws jws = parseCompactJws(part(R"({"alg":"ES256"})") + "." + part("{}") + ".c2ln");
  EXPECT_FALSE(jws.kid);
}

TEST(ParseCompactJws, RefusesMalformedTokens) {
  const std::string goodHeader = part(R"({"alg":"RS256"})");
  const std::string goodPayload = part(R"({"sub":"u"})");
  EXPECT_EQ(problemOf("not-a-token"), TokenProblem::Malformed);
  EXPECT_EQ(problemOf(goodHeader + ".%%%." + "c2ln"), TokenProblem::Malformed);
  EXPECT_EQ(problemOf(goodHeader + "." + goodPayload + ".Zh"), TokenProblem::Malformed) << "bad base64url";
  EXPECT_EQ(problemOf(part("not json") + "." + goodPayload + ".c2ln"), TokenProblem::Malformed);
  EXPECT_EQ(problemOf(part("[1]") + "." + goodPayload + ".c2ln"), TokenProblem::Malformed);
  EXPECT_EQ(problemOf(part(R"({"typ":"JWT"})") + "." + goodPayload + ".c2ln"), TokenProblem::Malformed)
      << "no alg";
  EXPECT_EQ(problemOf(part(R"({"alg":7})") + "." + goodPayload + ".c2ln"), TokenProblem::Malformed);
  EXPECT_EQ(problemOf(part(R"({"alg":"RS256","kid":1})") + "." + goodPayload + ".c2ln"),
            TokenProblem::Malformed);
  EXPECT_EQ(problemOf(goodHeader + "." + part("{\"sub\":") + ".c2ln"), TokenProblem::Malformed)
      << "payload JSON";
  EXPECT_EQ(problemOf(goodHeader + "." + part("\"text\"") + ".c2ln"), TokenProblem::Malformed);
  EXPECT_EQ(problemOf(part(R"({"alg":"RS256","crit":["exp"]})") + "." + goodPayload + ".c2ln"),
            TokenProblem::Malformed);
  EXPECT_EQ(problemOf(goodHeader + "." + part(std::string(20000, ' ') + "{}") + ".c2ln"),
            TokenProblem::Malformed);
}

TEST(ParseCompactJws, NeverEchoesTheToken) {
  const std::string token = part(R"({"alg":"RS256"})") + "." + part("secret-payload-not-json") + ".c2ln";
  try {
    parseCompactJws(token);
    FAIL();
  } catch (const TokenError& error) {
    EXPECT_EQ(std::string(error.what()).find(token.substr(0, 10)), std::string::npos);
    EXPECT_NE(std::string(error.what()).find("malformed"), std::string::npos);
  }
}

} // namespace
} // namespace gatehouse::plugins::oidc
