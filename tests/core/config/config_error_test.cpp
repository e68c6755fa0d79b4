#include <gatehouse/config/config_error.hpp>

#include <gtest/gtest.h>

#include <string>

namespace gatehouse {
namespace {

TEST(ConfigError, WhatNamesSourcePathAndDetail) {
  const ConfigError error("/etc/gatehouse.json", "$.server.port",
                          "expected an integer from 0 to 65535, got \"80\"");
  EXPECT_STREQ(error.what(),
               "/etc/gatehouse.json: $.server.port: expected an integer from 0 to 65535, got \"80\"");
  EXPECT_EQ(error.source(), "/etc/gatehouse.json");
  EXPECT_EQ(error.path(), "$.server.port");
  EXPECT_EQ(error.detail(), "expected an integer from 0 to 65535, got \"80\"");
}

TEST(ConfigError, WhatLeavesOutAnEmptyPath) {
  const ConfigError error("x.json", "", "cannot read config file: No such file or directory");
  EXPECT_STREQ(error.what(), "x.json: cannot read config file: No such file or directory");
  EXPECT_TRUE(error.path().empty());
}

TEST(ConfigError, WhatIsAlwaysOneLine) {
  const ConfigError error("a\nb.json", "$.x", "first\r\nsecond");
  EXPECT_EQ(std::string(error.what()).find_first_of("\r\n"), std::string::npos);
  EXPECT_STREQ(error.what(), "a b.json: $.x: first  second");
}

TEST(ConfigError, IsARuntimeError) {
  try {
    throw ConfigError("s", "$", "d");
  } catch (const std::runtime_error& error) {
    EXPECT_STREQ(error.what(), "s: $: d");
    return;
  }
  FAIL() << "ConfigError was not caught as std::runtime_error";
}

} // namespace
} // namespace gatehouse
