#include <gatehouse/plugin_host/plugin_result.hpp>

#include <gtest/gtest.h>

namespace gatehouse {
namespace {

TEST(PluginResult, KeepsStatusAndMessage) {
  const PluginResult result = resultOf(GH_ERROR_UPSTREAM, "upstream said no", "p");
  EXPECT_FALSE(result.ok());
  EXPECT_EQ(result.status, GH_ERROR_UPSTREAM);
  EXPECT_EQ(result.message, "upstream said no");
}

TEST(PluginResult, UpstreamTimeoutFromAbi11IsAKnownStatus) {
  // Not folded into GH_ERROR_INTERNAL: the client must see 504, not 500.
  const PluginResult result = resultOf(GH_ERROR_UPSTREAM_TIMEOUT, "api.example.com: no answer in 60 s", "p");
  EXPECT_EQ(result.status, GH_ERROR_UPSTREAM_TIMEOUT);
  EXPECT_EQ(result.message, "api.example.com: no answer in 60 s");
}

TEST(PluginResult, OkKeepsAnyMessageAndStaysOk) {
  const PluginResult result = resultOf(GH_OK, "", "p");
  EXPECT_TRUE(result.ok());
  EXPECT_EQ(result.message, "");
}

TEST(PluginResult, FailureWithoutMessageGetsOneNamingThePlugin) {
  const PluginResult result = resultOf(GH_ERROR_UNAVAILABLE, "", "openai");
  EXPECT_EQ(result.status, GH_ERROR_UNAVAILABLE);
  EXPECT_EQ(result.message, "plugin 'openai' failed (unavailable) without saying why");
}

TEST(PluginResult, UnknownStatusBecomesInternalAndKeepsTheMessage) {
  const PluginResult result = resultOf(77, "odd", "x");
  EXPECT_EQ(result.status, GH_ERROR_INTERNAL);
  EXPECT_EQ(result.message, "plugin 'x' returned unknown status 77: odd");
  EXPECT_EQ(resultOf(-3, "", "x").message, "plugin 'x' returned unknown status -3");
}

} // namespace
} // namespace gatehouse
