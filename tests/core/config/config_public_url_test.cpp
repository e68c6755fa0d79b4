#include <gatehouse/config/config_public_url.hpp>

#include <gtest/gtest.h>

namespace gatehouse {
namespace {

TEST(PublicUrl, AcceptsOriginsOnly) {
  EXPECT_TRUE(isValidPublicUrl("https://ai.example.com"));
  EXPECT_TRUE(isValidPublicUrl("http://localhost:8080"));
  EXPECT_TRUE(isValidPublicUrl("https://10.0.0.5:443"));
  EXPECT_TRUE(isValidPublicUrl("https://[::1]"));
  EXPECT_TRUE(isValidPublicUrl("https://[2001:db8::1]:8443"));
  EXPECT_FALSE(isValidPublicUrl(""));
  EXPECT_FALSE(isValidPublicUrl("https://ai.example.com/"));
  EXPECT_FALSE(isValidPublicUrl("https://ai.example.com/x"));
  EXPECT_FALSE(isValidPublicUrl("https://ai.example.com:8443/"));
  EXPECT_FALSE(isValidPublicUrl("https://ai.example.com?a"));
  EXPECT_FALSE(isValidPublicUrl("https://u@ai.example.com"));
  EXPECT_FALSE(isValidPublicUrl("https://ai example.com"));
  EXPECT_FALSE(isValidPublicUrl("https://[::1"));
  EXPECT_FALSE(isValidPublicUrl("https://[]:80"));
  EXPECT_FALSE(isValidPublicUrl("https://[example.com]"));
  EXPECT_FALSE(isValidPublicUrl("https://a:1:2"));
  EXPECT_FALSE(isValidPublicUrl("wss://ai.example.com"));
}

TEST(PublicUrl, EffectiveUrlIsTheConfiguredOne) {
  GatewayConfig config;
  config.auth.publicUrl = "https://ai.example.com";
  EXPECT_EQ(effectivePublicUrl(config), "https://ai.example.com");
}

TEST(PublicUrl, EffectiveUrlDefaultsToTheListeningAddress) {
  GatewayConfig config;
  config.server.host = "127.0.0.1";
  config.server.port = 9000;
  EXPECT_EQ(effectivePublicUrl(config), "http://127.0.0.1:9000");
  config.server.host = "::1";
  EXPECT_EQ(effectivePublicUrl(config), "http://[::1]:9000");
  EXPECT_TRUE(isValidPublicUrl(effectivePublicUrl(config)));
}

TEST(PublicUrl, OnlyHttpsIsSecure) {
  EXPECT_TRUE(isHttpsUrl("https://ai.example.com"));
  EXPECT_FALSE(isHttpsUrl("http://ai.example.com"));
  EXPECT_FALSE(isHttpsUrl(""));
}

} // namespace
} // namespace gatehouse
