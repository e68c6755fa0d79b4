#include <gtest/gtest.h>

#include "mock_options.hpp"

namespace gatehouse::mock {
namespace {

TEST(MockOptions, DefaultsListenOnLoopbackPortZero) {
  auto parsed = parseOptions({});
  ASSERT_EQ(parsed.error, "");
  EXPECT_EQ(parsed.options.host, "127.0.0.1");
  EXPECT_EQ(parsed.options.port, 0);
  EXPECT_FALSE(parsed.options.tls());
  EXPECT_TRUE(parsed.options.record);
  EXPECT_FALSE(parsed.options.expectedKey(Provider::OpenAi));
}

TEST(MockOptions, ReadsEveryOption) {
  auto parsed = parseOptions({"--host", "0.0.0.0", "--port", "8080", "--tls-cert", "c.pem", "--tls-key",
                              "k.pem", "--threads", "64", "--no-record", "--record-limit", "5",
                              "--max-body-bytes", "1000", "--idle-timeout", "3"});
  ASSERT_EQ(parsed.error, "");
  const auto& o = parsed.options;
  EXPECT_EQ(o.host, "0.0.0.0");
  EXPECT_EQ(o.port, 8080);
  EXPECT_TRUE(o.tls());
  EXPECT_EQ(o.tlsKey, "k.pem");
  EXPECT_EQ(o.threads, 64);
  EXPECT_FALSE(o.record);
  EXPECT_EQ(o.recordLimit, 5u);
  EXPECT_EQ(o.maxBodyBytes, 1000u);
  EXPECT_EQ(o.idleTimeoutSeconds, 3);
}

TEST(MockOptions, ExpectKeyPerProviderOrForAll) {
  auto parsed = parseOptions({"--expect-key", "shared", "--expect-key", "anthropic=sk-ant", "--expect-key",
                              "gemini=g=k", "--expect-key", "unknown=x"});
  ASSERT_EQ(parsed.error, "");
  // A prefix that names no provider is part of the key.
  EXPECT_EQ(parsed.options.expectedKey(Provider::OpenAi), "unknown=x");
  EXPECT_EQ(parsed.options.expectedKey(Provider::Anthropic), "sk-ant");
  EXPECT_EQ(parsed.options.expectedKey(Provider::Gemini), "g=k");
  EXPECT_EQ(parsed.options.expectedKey(Provider::Azure), "unknown=x");
}

TEST(MockOptions, RejectsBadArguments) {
  using Args = std::vector<std::string>;
  for (const auto& args :
       {Args{"--port"}, Args{"--port", "65536"}, Args{"--port", "x"}, Args{"--threads", "0"},
        Args{"--tls-cert", "c.pem"}, Args{"--bogus"}, Args{"--host", ""}, Args{"--record-limit", "0"}}) {
    EXPECT_NE(parseOptions(args).error, "") << args[0];
  }
}

TEST(MockOptions, HelpIsRecognised) {
  EXPECT_TRUE(parseOptions({"--help"}).help);
}

} // namespace
} // namespace gatehouse::mock
