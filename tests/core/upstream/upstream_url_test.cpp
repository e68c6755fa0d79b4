#include <gatehouse/upstream/upstream_url.hpp>

#include <gtest/gtest.h>

namespace gatehouse {
namespace {

UpstreamUrl parsed(std::string_view text) {
  UpstreamUrl url;
  EXPECT_EQ(UpstreamUrl::parse(text, url), "") << text;
  return url;
}

TEST(UpstreamUrl, HttpsWithDefaultPort) {
  const UpstreamUrl url = parsed("https://api.openai.com/v1/chat/completions?x=1#frag");
  EXPECT_TRUE(url.tls);
  EXPECT_EQ(url.host, "api.openai.com");
  EXPECT_EQ(url.port, 443);
  EXPECT_TRUE(url.defaultPort);
  EXPECT_EQ(url.target, "/v1/chat/completions?x=1");
  EXPECT_EQ(url.authority(), "api.openai.com:443");
}

TEST(UpstreamUrl, HttpWithExplicitPortAndNoPath) {
  const UpstreamUrl url = parsed("HTTP://127.0.0.1:8080");
  EXPECT_FALSE(url.tls);
  EXPECT_EQ(url.port, 8080);
  EXPECT_FALSE(url.defaultPort);
  EXPECT_EQ(url.target, "/");
  EXPECT_EQ(url.authority(), "127.0.0.1:8080");
}

TEST(UpstreamUrl, Ipv6Literal) {
  const UpstreamUrl url = parsed("http://[::1]:9000/x");
  EXPECT_EQ(url.host, "::1");
  EXPECT_EQ(url.hostField, "[::1]");
  EXPECT_EQ(url.authority(), "[::1]:9000");
}

TEST(UpstreamUrl, ExplicitDefaultPortCountsAsDefault) {
  EXPECT_TRUE(parsed("http://h:80/").defaultPort);
}

TEST(UpstreamUrl, RefusesWhatCannotBeSent) {
  const std::pair<const char*, const char*> cases[] = {
      {"/v1/chat/completions", "expected an absolute http:// or https:// URL"},
      {"ftp://h/x", "expected an absolute http:// or https:// URL"},
      {"garbage", "expected an absolute http:// or https:// URL"},
      {"http:///path", "missing host"},
      {"http://:80/", "missing host"},
      {"http://h:0/", "invalid port"},
      {"http://h:65536/", "invalid port"},
      {"http://h:8x/", "invalid port"},
      {"http://user:pw@h/", "credentials in the URL are not supported"},
      {"http://h o/", "invalid host"},
      {"http://[::1/", "unterminated IPv6 address"},
      {"http://h/a b", "the path or query holds a space or control character"},
      {"http://h/a\r\nX: y", "the path or query holds a space or control character"},
      {"http://h?key=1", "a query needs a path (\"/?...\")"},
  };
  for (const auto& [text, why] : cases) {
    UpstreamUrl url;
    EXPECT_EQ(UpstreamUrl::parse(text, url), why) << text;
  }
}

TEST(UpstreamUrl, ErrorsNeverRepeatTheUrl) {
  UpstreamUrl url;
  const std::string why = UpstreamUrl::parse("http://h/a b?key=sk-secret", url);
  EXPECT_EQ(why.find("sk-secret"), std::string::npos);
}

} // namespace
} // namespace gatehouse
