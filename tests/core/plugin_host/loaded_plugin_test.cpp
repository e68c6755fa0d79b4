#include <gatehouse/plugin_host/loaded_plugin.hpp>

#include <gtest/gtest.h>

#include "temp_dir.hpp"
#include "test_plugins.hpp"

namespace gatehouse {
namespace {

using host_testing::readLines;
using host_testing::TempDir;
using host_testing::testPluginPath;
using host_testing::traceConfig;

class LoadedPluginTest : public ::testing::Test {
protected:
  std::unique_ptr<LoadedPlugin> make(std::string configJson) {
    PluginLibrary library;
    EXPECT_EQ(library.open(testPluginPath("good_provider")), "");
    PluginTables tables;
    EXPECT_FALSE(readDescriptor(library.entryPoint()(), tables).has_value());
    return std::make_unique<LoadedPlugin>(std::move(library), tables, "gp", "p.so", std::move(configJson));
  }

  TempDir dir_;
  std::string trace_ = dir_.file("trace");
};

TEST_F(LoadedPluginTest, ShutdownFollowsASuccessfulInit) {
  auto plugin = make(traceConfig(trace_));
  ASSERT_TRUE(plugin->init().ok());
  EXPECT_EQ(readLines(trace_), (std::vector<std::string>{"init gp"}));
  plugin.reset();
  EXPECT_EQ(readLines(trace_), (std::vector<std::string>{"init gp", "shutdown gp"}));
}

TEST_F(LoadedPluginTest, NoShutdownWithoutInit) {
  auto plugin = make(traceConfig(trace_));
  plugin.reset();
  EXPECT_TRUE(readLines(trace_).empty());
}

TEST_F(LoadedPluginTest, MissingConfigReadsAsEmptyObject) {
  auto plugin = make("");
  EXPECT_EQ(plugin->name(), "gp");
  EXPECT_EQ(plugin->path(), "p.so");
  EXPECT_EQ(plugin->configJson(), "{}");
  EXPECT_EQ(make(R"({"k":1})")->configJson(), R"({"k":1})");
}

} // namespace
} // namespace gatehouse
