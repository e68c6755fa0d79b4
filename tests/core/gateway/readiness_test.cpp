#include <gatehouse/gateway/readiness.hpp>

#include <gtest/gtest.h>

#include <stdexcept>

namespace gatehouse::gateway {
namespace {

TEST(Readiness, ReadyWhenEveryCheckPasses) {
  Readiness readiness;
  readiness.addCheck("config", [](std::string&) { return true; });
  readiness.addCheck("plugins", [](std::string&) { return true; });
  const auto report = readiness.evaluate();
  EXPECT_TRUE(report.ready);
  ASSERT_EQ(report.checks.size(), 2u);
  EXPECT_EQ(report.checks[0].name, "config");
  EXPECT_TRUE(report.checks[1].ok);
}

TEST(Readiness, NotReadyNamesTheFailingCheckAndWhy) {
  Readiness readiness;
  readiness.addCheck("config", [](std::string&) { return true; });
  readiness.addCheck("store", [](std::string& why) {
    why = "database unreachable";
    return false;
  });
  const auto report = readiness.evaluate();
  EXPECT_FALSE(report.ready);
  EXPECT_FALSE(report.shuttingDown);
  ASSERT_EQ(report.checks.size(), 2u);
  EXPECT_TRUE(report.checks[0].ok);
  EXPECT_FALSE(report.checks[1].ok);
  EXPECT_EQ(report.checks[1].why, "database unreachable");
}

TEST(Readiness, ACheckThatThrowsOrGivesNoReasonStillFailsWithOne) {
  Readiness readiness;
  readiness.addCheck("throws", [](std::string&) -> bool { throw std::runtime_error("boom"); });
  readiness.addCheck("silent", [](std::string&) { return false; });
  const auto report = readiness.evaluate();
  EXPECT_FALSE(report.ready);
  EXPECT_NE(report.checks[0].why.find("boom"), std::string::npos);
  EXPECT_FALSE(report.checks[1].why.empty());
}

TEST(Readiness, ShuttingDownOverridesEveryCheck) {
  Readiness readiness;
  int runs = 0;
  readiness.addCheck("config", [&runs](std::string&) {
    ++runs;
    return true;
  });
  readiness.markShuttingDown();
  const auto report = readiness.evaluate();
  EXPECT_FALSE(report.ready);
  EXPECT_TRUE(report.shuttingDown);
  EXPECT_EQ(runs, 0);
}

} // namespace
} // namespace gatehouse::gateway
