#include <gatehouse/plugin_host/plugin_library.hpp>

#include <gtest/gtest.h>

#include <filesystem>

#include "temp_dir.hpp"
#include "test_plugins.hpp"

namespace gatehouse {
namespace {

using host_testing::TempDir;
using host_testing::testPluginPath;

TEST(PluginLibrary, MissingFile) {
  PluginLibrary library;
  EXPECT_EQ(library.open(testPluginPath("does_not_exist")), "file not found");
  EXPECT_FALSE(library.isOpen());
}

TEST(PluginLibrary, UnreadablePathSaysWhyInsteadOfNotFound) {
  TempDir dir;
  std::filesystem::create_symlink(dir.file("loop-b"), dir.file("loop-a"));
  std::filesystem::create_symlink(dir.file("loop-a"), dir.file("loop-b"));
  PluginLibrary library;
  const std::string cause = library.open(dir.file("loop-a"));
  EXPECT_EQ(cause.rfind("cannot access file: ", 0), 0u) << cause;
  EXPECT_FALSE(library.isOpen());
}

TEST(PluginLibrary, TextFileIsNotALoadableLibraryAndTheReasonDoesNotRepeatThePath) {
  PluginLibrary library;
  const std::string path = testPluginPath("not_a_library");
  const std::string cause = library.open(path);
  EXPECT_EQ(cause.rfind("not a loadable shared library: ", 0), 0u) << cause;
  EXPECT_NE(cause.find("ELF"), std::string::npos) << cause;
  EXPECT_EQ(cause.find(path), std::string::npos) << cause;
  EXPECT_FALSE(library.isOpen());
}

TEST(PluginLibrary, UnresolvedFunctionFailsAtOpenBecauseBindingIsImmediate) {
  PluginLibrary library;
  const std::string cause = library.open(testPluginPath("undefined_symbol"));
  EXPECT_EQ(cause.rfind("not a loadable shared library: ", 0), 0u) << cause;
  EXPECT_NE(cause.find("undefined symbol: gatehouse_symbol_that_does_not_exist"), std::string::npos) << cause;
}

TEST(PluginLibrary, FindsTheEntryPoint) {
  PluginLibrary library;
  ASSERT_EQ(library.open(testPluginPath("good_provider")), "");
  EXPECT_TRUE(library.isOpen());
  const gh_plugin_entry_fn entry = library.entryPoint();
  ASSERT_NE(entry, nullptr);
  EXPECT_EQ(entry()->magic, GH_PLUGIN_MAGIC);
}

TEST(PluginLibrary, MissingEntryPointIsNull) {
  PluginLibrary library;
  ASSERT_EQ(library.open(testPluginPath("missing_entry")), "");
  EXPECT_EQ(library.entryPoint(), nullptr);
}

TEST(PluginLibrary, UnopenedLibraryHasNoEntryPoint) {
  const PluginLibrary library;
  EXPECT_EQ(library.entryPoint(), nullptr);
}

} // namespace
} // namespace gatehouse
