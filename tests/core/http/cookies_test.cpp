#include <gatehouse/http/cookies.hpp>

#include <gtest/gtest.h>

#include <stdexcept>

namespace gatehouse::http {
namespace {

TEST(CookieValue, FindsACookieAmongOthers) {
  const std::string header = "theme=dark; gatehouse_session=abc-DEF_123;  other = x ";
  EXPECT_EQ(cookieValue(header, "gatehouse_session"), "abc-DEF_123");
  EXPECT_EQ(cookieValue(header, "theme"), "dark");
  EXPECT_EQ(cookieValue(header, "other"), "x");
  EXPECT_FALSE(cookieValue(header, "gatehouse"));
  EXPECT_FALSE(cookieValue(header, "session"));
  EXPECT_FALSE(cookieValue("", "a"));
}

TEST(CookieValue, TakesTheFirstOfRepeatedNamesAndKeepsEmptyValues) {
  EXPECT_EQ(cookieValue("a=1; a=2", "a"), "1");
  EXPECT_EQ(cookieValue("a=; b=2", "a"), "");
  EXPECT_EQ(cookieValue("junk; a=1", "a"), "1");
  EXPECT_EQ(cookieValue("a=x=y", "a"), "x=y");
}

TEST(SetCookieHeader, WritesEveryAttribute) {
  CookieAttributes attributes;
  attributes.path = "/auth";
  attributes.maxAgeSeconds = 600;
  attributes.secure = true;
  EXPECT_EQ(setCookieHeader("gatehouse_login", "s-1", attributes),
            "gatehouse_login=s-1; Path=/auth; Max-Age=600; HttpOnly; Secure; SameSite=Lax");
  CookieAttributes plain;
  plain.httpOnly = false;
  plain.sameSite = SameSite::Strict;
  EXPECT_EQ(setCookieHeader("a", "b", plain), "a=b; Path=/; SameSite=Strict");
}

TEST(SetCookieHeader, ClearingExpiresAtOnceOnTheSamePath) {
  CookieAttributes attributes;
  attributes.path = "/auth";
  attributes.maxAgeSeconds = 600;
  EXPECT_EQ(clearCookieHeader("gatehouse_login", attributes),
            "gatehouse_login=; Path=/auth; Max-Age=0; HttpOnly; SameSite=Lax");
}

TEST(SetCookieHeader, RefusesTextACookieCannotCarry) {
  const CookieAttributes attributes;
  EXPECT_THROW(setCookieHeader("a b", "v", attributes), std::invalid_argument);
  EXPECT_THROW(setCookieHeader("", "v", attributes), std::invalid_argument);
  EXPECT_THROW(setCookieHeader("a", "v;Path=/x", attributes), std::invalid_argument);
  EXPECT_THROW(setCookieHeader("a", "v\r\nSet-Cookie: b=c", attributes), std::invalid_argument);
  EXPECT_THROW(setCookieHeader("a", "\"v\"", attributes), std::invalid_argument);
}

} // namespace
} // namespace gatehouse::http
