#include <gatehouse/upstream/proxy_route.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <stdexcept>

namespace gatehouse {
namespace {

UpstreamConfig withProxy(std::string proxy) {
  UpstreamConfig config;
  config.proxy = std::move(proxy);
  return config;
}

TEST(ProxyRoute, NoProxyMeansEveryHostGoesDirect) {
  const ProxyRoute route(UpstreamConfig{});
  EXPECT_FALSE(route.enabled());
  EXPECT_TRUE(route.bypasses("api.openai.com"));
}

TEST(ProxyRoute, NoProxyEntries) {
  UpstreamConfig config = withProxy("http://proxy.corp:3128");
  config.noProxy = {"localhost", ".internal.corp", "10.0.0.5"};
  const ProxyRoute route(config);
  EXPECT_TRUE(route.enabled());
  EXPECT_EQ(route.host(), "proxy.corp");
  EXPECT_EQ(route.port(), 3128);
  EXPECT_EQ(route.label(), "proxy proxy.corp:3128");
  EXPECT_TRUE(route.bypasses("LOCALHOST"));
  EXPECT_TRUE(route.bypasses("llm.internal.corp"));
  EXPECT_TRUE(route.bypasses("internal.corp")); // a suffix entry covers the bare domain
  EXPECT_TRUE(route.bypasses("10.0.0.5"));
  EXPECT_FALSE(route.bypasses("xinternal.corp"));
  EXPECT_FALSE(route.bypasses("api.openai.com"));
  EXPECT_FALSE(route.bypasses("localhost.evil.com"));
}

TEST(ProxyRoute, StarBypassesEverything) {
  UpstreamConfig config = withProxy("http://p:1");
  config.noProxy = {"*"};
  EXPECT_TRUE(ProxyRoute(config).bypasses("anything"));
}

TEST(ProxyRoute, BasicCredentialsFromASecretReference) {
  ::setenv("GH_TEST_PROXY_PASSWORD", "p4ss:word", 1);
  UpstreamConfig config = withProxy("http://p:1");
  config.proxyUser = "gw";
  config.proxyPasswordRef = "env:GH_TEST_PROXY_PASSWORD";
  // base64("gw:p4ss:word")
  EXPECT_EQ(ProxyRoute(config).authorizationLine(), "Proxy-Authorization: Basic Z3c6cDRzczp3b3Jk\r\n");
  ::unsetenv("GH_TEST_PROXY_PASSWORD");
}

TEST(ProxyRoute, UserWithoutPassword) {
  UpstreamConfig config = withProxy("http://p:1");
  config.proxyUser = "ab";
  EXPECT_EQ(ProxyRoute(config).authorizationLine(), "Proxy-Authorization: Basic YWI6\r\n"); // "ab:"
}

TEST(ProxyRoute, NoUserNoAuthorization) {
  EXPECT_EQ(ProxyRoute(withProxy("http://p:1")).authorizationLine(), "");
}

TEST(ProxyRoute, UnresolvablePasswordThrowsNamingTheReference) {
  UpstreamConfig config = withProxy("http://p:1");
  config.proxyUser = "gw";
  config.proxyPasswordRef = "env:GH_TEST_PROXY_PASSWORD_UNSET";
  try {
    ProxyRoute route(config);
    FAIL() << "accepted";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("env:GH_TEST_PROXY_PASSWORD_UNSET"), std::string::npos)
        << error.what();
  }
}

TEST(ProxyRoute, MalformedProxyThrows) {
  EXPECT_THROW(ProxyRoute(withProxy("socks5://p:1")), std::runtime_error);
}

} // namespace
} // namespace gatehouse
