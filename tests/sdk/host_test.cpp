// sdk::Host over the FakeHost's table: every wrapper reaches the matching host function.
#include <gatehouse/sdk/host.hpp>
#include <gatehouse/testing/fake_host.hpp>

#include <gtest/gtest.h>

namespace {

namespace sdk = gatehouse::sdk;
using gatehouse::testing::FakeHost;

TEST(SdkHost, LevelHelpersWriteAtTheirLevel) {
  FakeHost fake;
  const sdk::Host host(FakeHost::api(), fake.handle());
  host.debug("d");
  host.info("i");
  host.warn("w");
  host.error("e");
  host.log(GH_LOG_INFO, "raw");
  const auto lines = fake.logs().lines();
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0].level, GH_LOG_DEBUG);
  EXPECT_EQ(lines[0].message, "d");
  EXPECT_EQ(lines[1].level, GH_LOG_INFO);
  EXPECT_EQ(lines[2].level, GH_LOG_WARN);
  EXPECT_EQ(lines[3].level, GH_LOG_ERROR);
  EXPECT_EQ(lines[3].message, "e");
  EXPECT_EQ(lines[4].message, "raw");
}

TEST(SdkHost, LogEnabledFollowsTheHostLevel) {
  FakeHost fake;
  fake.logs().setLevel(GH_LOG_WARN);
  const sdk::Host host(FakeHost::api(), fake.handle());
  EXPECT_FALSE(host.logEnabled(GH_LOG_INFO));
  EXPECT_TRUE(host.logEnabled(GH_LOG_WARN));
  EXPECT_TRUE(host.logEnabled(GH_LOG_ERROR));
}

TEST(SdkHost, NameAndConfigComeFromTheHost) {
  FakeHost fake("my-plugin");
  const sdk::Host host(FakeHost::api(), fake.handle());
  EXPECT_EQ(host.pluginName(), "my-plugin");
  EXPECT_EQ(host.pluginConfig(), "{}");
  EXPECT_EQ(&host.api(), &FakeHost::api());
  EXPECT_EQ(host.handle(), fake.handle());
}

} // namespace
