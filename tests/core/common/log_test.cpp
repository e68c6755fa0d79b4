// The logger's last line of defence: a secret the process resolved never reaches stderr.
#include <gatehouse/common/log.hpp>
#include <gatehouse/common/secret_redactor.hpp>
#include <gatehouse/common/secret_reference.hpp>

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "../plugin_host/stderr_capture.hpp"

namespace gatehouse {
namespace {

using host_testing::StderrCapture;

class LogRedactionTest : public ::testing::Test {
protected:
  void SetUp() override {
    secrets::forgetAllForTesting();
    log::setLevel(log::Level::Info);
  }
  void TearDown() override {
    secrets::forgetAllForTesting();
    ::unsetenv("GATEHOUSE_LOG_TEST_KEY"); // NOLINT(concurrency-mt-unsafe): single-threaded test
  }
};

TEST_F(LogRedactionTest, ResolvedSecretIsMaskedInEveryLaterLogLine) {
  ::setenv("GATEHOUSE_LOG_TEST_KEY", "sk-resolved-0123456789", 1); // NOLINT(concurrency-mt-unsafe)
  std::string value;
  std::string error;
  ASSERT_EQ(resolveSecret("env:GATEHOUSE_LOG_TEST_KEY", value, error), GH_OK) << error;
  ASSERT_EQ(value, "sk-resolved-0123456789");

  StderrCapture capture;
  log::write(log::Level::Warn, "upstream", "provider echoed Authorization: Bearer " + value);
  log::error("plugin:openai", value + " rejected");
  const std::string output = capture.finish();
  EXPECT_EQ(output.find("sk-resolved-0123456789"), std::string::npos) << output;
  EXPECT_NE(output.find(" warn upstream: provider echoed Authorization: Bearer [REDACTED]\n"),
            std::string::npos)
      << output;
  EXPECT_NE(output.find(" error plugin:openai: [REDACTED] rejected\n"), std::string::npos) << output;
}

TEST_F(LogRedactionTest, FailedResolutionRemembersNothing) {
  ::unsetenv("GATEHOUSE_LOG_TEST_KEY"); // NOLINT(concurrency-mt-unsafe)
  std::string value;
  std::string error;
  ASSERT_NE(resolveSecret("env:GATEHOUSE_LOG_TEST_KEY", value, error), GH_OK);
  // Neither the reference nor the error is a secret, and nothing else got registered.
  std::string text = "env:GATEHOUSE_LOG_TEST_KEY: " + error;
  EXPECT_FALSE(secrets::redact(text)) << text;
}

TEST_F(LogRedactionTest, LinesWithoutSecretsAreWrittenUnchanged) {
  secrets::remember("sk-unrelated-secret");
  StderrCapture capture;
  log::info("store", "applied schema migration 5 (usage image size and quality)");
  EXPECT_NE(capture.finish().find(" info store: applied schema migration 5 (usage image size and quality)\n"),
            std::string::npos);
}

} // namespace
} // namespace gatehouse
