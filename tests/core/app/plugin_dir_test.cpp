#include <gatehouse/app/plugin_dir.hpp>

#include <gtest/gtest.h>

namespace gatehouse::app {
namespace {

PluginDirSources allSources() {
  PluginDirSources sources;
  sources.commandLine = "/cli";
  sources.configValue = "/config";
  sources.environment = "/env";
  sources.executableDir = "/build/bin";
  sources.buildBinDir = "/build/bin";
  sources.buildPluginDir = "/build/plugins";
  sources.installPluginDir = "/usr/lib/gatehouse/plugins";
  return sources;
}

TEST(PluginDir, FollowsThePrecedenceOrder) {
  PluginDirSources sources = allSources();
  EXPECT_EQ(resolvePluginDir(sources).path, "/cli");
  EXPECT_EQ(resolvePluginDir(sources).source, "--plugin-dir");
  sources.commandLine.reset();
  EXPECT_EQ(resolvePluginDir(sources).path, "/config");
  sources.configValue.clear();
  EXPECT_EQ(resolvePluginDir(sources).path, "/env");
  EXPECT_EQ(resolvePluginDir(sources).source, "GATEHOUSE_PLUGIN_DIR");
  sources.environment.reset();
  EXPECT_EQ(resolvePluginDir(sources).path, "/build/plugins");
  EXPECT_EQ(resolvePluginDir(sources).source, "build tree");
  sources.executableDir = "/usr/bin";
  EXPECT_EQ(resolvePluginDir(sources).path, "/usr/lib/gatehouse/plugins");
  EXPECT_EQ(resolvePluginDir(sources).source, "install default");
}

TEST(PluginDir, EmptyValuesDoNotCount) {
  PluginDirSources sources = allSources();
  sources.commandLine = "";
  sources.configValue.clear();
  sources.environment = "";
  EXPECT_EQ(resolvePluginDir(sources).source, "build tree");
}

TEST(PluginDir, ProcessSourcesComeFromTheRunningBuild) {
  const PluginDirSources sources = processPluginDirSources(std::nullopt, "");
  EXPECT_FALSE(sources.executableDir.empty());
  EXPECT_FALSE(sources.buildPluginDir.empty());
  EXPECT_NE(sources.installPluginDir.find("gatehouse/plugins"), std::string::npos);
}

} // namespace
} // namespace gatehouse::app
