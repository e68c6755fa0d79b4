#include <gatehouse/app/config_locator.hpp>

#include <gtest/gtest.h>

#include <set>

namespace gatehouse::app {
namespace {

auto existing(std::set<std::string> paths) {
  return [paths](const std::string& path) { return paths.count(path) > 0; };
}

TEST(ConfigLocator, UsesTheGivenPathEvenIfMissing) {
  const auto result = locateConfig(std::string("/nope.json"), existing({}));
  ASSERT_TRUE(std::holds_alternative<LocatedConfig>(result));
  EXPECT_EQ(std::get<LocatedConfig>(result).path, "/nope.json");
  EXPECT_TRUE(std::get<LocatedConfig>(result).explicitlyGiven);
}

TEST(ConfigLocator, PrefersTheWorkingDirectoryThenEtc) {
  auto local = locateConfig(std::nullopt, existing({"./gatehouse.json", "/etc/gatehouse/gatehouse.json"}));
  ASSERT_TRUE(std::holds_alternative<LocatedConfig>(local));
  EXPECT_EQ(std::get<LocatedConfig>(local).path, "./gatehouse.json");
  EXPECT_FALSE(std::get<LocatedConfig>(local).explicitlyGiven);
  auto etc = locateConfig(std::nullopt, existing({"/etc/gatehouse/gatehouse.json"}));
  ASSERT_TRUE(std::holds_alternative<LocatedConfig>(etc));
  EXPECT_EQ(std::get<LocatedConfig>(etc).path, "/etc/gatehouse/gatehouse.json");
}

TEST(ConfigLocator, NothingFoundSaysWhatWasTried) {
  const auto result = locateConfig(std::nullopt, existing({}));
  ASSERT_TRUE(std::holds_alternative<std::string>(result));
  const std::string& problem = std::get<std::string>(result);
  EXPECT_NE(problem.find("--config"), std::string::npos);
  EXPECT_NE(problem.find("./gatehouse.json"), std::string::npos);
  EXPECT_NE(problem.find("/etc/gatehouse/gatehouse.json"), std::string::npos);
}

} // namespace
} // namespace gatehouse::app
