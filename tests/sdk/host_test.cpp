// sdk::Host over the FakeHost's table: every wrapper reaches the matching host function.
#include <gatehouse/sdk/detail/guard.hpp>
#include <gatehouse/sdk/host.hpp>
#include <gatehouse/testing/fake_call.hpp>
#include <gatehouse/testing/fake_host.hpp>

#include <gtest/gtest.h>

#include <string>

namespace {

namespace sdk = gatehouse::sdk;
using gatehouse::testing::FakeCall;
using gatehouse::testing::FakeHost;

// Runs `body` the way a trampoline runs plugin code, so Host::resolveSecret has a call.
template <typename Body> gh_status inCall(FakeCall& call, Body body) {
  return gatehouse::sdk::detail::guarded(FakeHost::api(), call.handle(), body);
}

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

TEST(SdkHost, ResolveSecretReadsEnvAndFileReferences) {
  FakeHost fake;
  fake.secrets().setEnv("API_KEY", "sk-env");
  fake.secrets().setFile("/run/key", "sk-file\n");
  const sdk::Host host(FakeHost::api(), fake.handle());
  const long before = FakeHost::liveBufferCount();
  FakeCall call;
  std::string fromEnv, fromFile;
  ASSERT_EQ(inCall(call, [&] {
              fromEnv = host.resolveSecret("env:API_KEY");
              fromFile = host.resolveSecret("file:/run/key");
            }),
            GH_OK)
      << call.message;
  EXPECT_EQ(fromEnv, "sk-env");
  EXPECT_EQ(fromFile, "sk-file");
  EXPECT_EQ(FakeHost::liveBufferCount(), before);
}

TEST(SdkHost, ResolveSecretThrowsTheHostsMessageNamingTheReference) {
  FakeHost fake;
  fake.secrets().setEnv("OTHER", "sk-do-not-leak");
  const sdk::Host host(FakeHost::api(), fake.handle());
  const long before = FakeHost::liveBufferCount();
  try {
    host.resolveSecret("env:MISSING_KEY");
    FAIL() << "no error";
  } catch (const sdk::Error& error) {
    EXPECT_EQ(error.status(), GH_ERROR_NOT_FOUND);
    EXPECT_NE(std::string(error.what()).find("env:MISSING_KEY"), std::string::npos) << error.what();
    EXPECT_EQ(std::string(error.what()).find("sk-do-not-leak"), std::string::npos) << error.what();
  }
  EXPECT_EQ(FakeHost::liveBufferCount(), before); // destroyed on failure too
}

TEST(SdkHost, ResolveSecretFailureFailsTheCallWithTheSameMessage) {
  FakeHost fake;
  const sdk::Host host(FakeHost::api(), fake.handle());
  FakeCall call;
  EXPECT_EQ(inCall(call, [&] { host.resolveSecret("bogus-not-a-ref"); }), GH_ERROR_INVALID_ARGUMENT);
  EXPECT_NE(call.message, "");
  EXPECT_EQ(call.message.find("bogus-not-a-ref"), std::string::npos) << call.message;
}

TEST(SdkHost, TrampolinesMakeTheirCallCurrentAndRestoreTheOuterOne) {
  FakeCall outer;
  FakeCall inner;
  EXPECT_EQ(gatehouse::sdk::detail::currentCall(), nullptr);
  inCall(outer, [&] {
    EXPECT_EQ(gatehouse::sdk::detail::currentCall(), outer.handle());
    inCall(inner, [&] { EXPECT_EQ(gatehouse::sdk::detail::currentCall(), inner.handle()); });
    EXPECT_EQ(gatehouse::sdk::detail::currentCall(), outer.handle());
  });
  EXPECT_EQ(gatehouse::sdk::detail::currentCall(), nullptr);
}

} // namespace
