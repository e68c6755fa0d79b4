#include <gatehouse/plugin_host/plugin_load_error.hpp>
#include <gatehouse/plugin_host/plugin_loader.hpp>

#include <gtest/gtest.h>

#include <filesystem>

#include "test_plugins.hpp"

namespace gatehouse {
namespace {

using host_testing::pluginEntry;
using host_testing::testPluginPath;

TEST(PluginLoader, AbsolutePathIsKept) {
  EXPECT_EQ(resolvePluginPath(pluginEntry("a", "/opt/x/../y/p.so"), "/plugins"), "/opt/y/p.so");
}

TEST(PluginLoader, RelativePathIsResolvedAgainstPluginDir) {
  EXPECT_EQ(resolvePluginPath(pluginEntry("a", "auth/p.so"), "/usr/lib/gatehouse/plugins"),
            "/usr/lib/gatehouse/plugins/auth/p.so");
  EXPECT_EQ(resolvePluginPath(pluginEntry("a", "./p.so"), "/d/"), "/d/p.so");
}

TEST(PluginLoader, RelativePathWithoutPluginDirIsResolvedAgainstTheWorkingDirectory) {
  EXPECT_EQ(resolvePluginPath(pluginEntry("a", "p.so"), ""), std::filesystem::current_path() / "p.so");
}

TEST(PluginLoader, ErrorMessageFormat) {
  EXPECT_EQ(loadErrorMessage("mock", "/x/libfoo.so", "file not found"),
            "plugin 'mock' (/x/libfoo.so): file not found");
}

TEST(PluginLoader, LoadsAGoodPluginAndKnowsWhatItIs) {
  const std::string path = testPluginPath("good_provider");
  const auto plugin = loadPlugin(pluginEntry("gp", path), path);
  ASSERT_NE(plugin, nullptr);
  EXPECT_EQ(plugin->name(), "gp");
  EXPECT_EQ(plugin->path(), path);
  EXPECT_EQ(plugin->typeName(), "good_provider");
  EXPECT_EQ(plugin->version(), "1.0.0");
  EXPECT_EQ(plugin->kind(), GH_KIND_PROVIDER);
  EXPECT_NE(plugin->state(), nullptr);
  EXPECT_NE(plugin->provider().handle, nullptr);
}

TEST(PluginLoader, FailureNamesPluginFileAndCause) {
  const std::string path = testPluginPath("bad_magic");
  try {
    loadPlugin(pluginEntry("bm", path), path);
    FAIL() << "bad_magic loaded";
  } catch (const PluginLoadError& error) {
    EXPECT_EQ(std::string(error.what()),
              "plugin 'bm' (" + path + "): bad magic 0x0123456789abcdef (not a Gatehouse plugin)");
  }
}

} // namespace
} // namespace gatehouse
