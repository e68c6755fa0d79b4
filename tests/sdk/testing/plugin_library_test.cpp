// PluginLibrary reports loader failures with the path and the reason. Loading a real
// plugin is covered by the hello_provider tests.
#include <gatehouse/testing/plugin_library.hpp>

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace {

using gatehouse::testing::PluginLibrary;

std::string loadError(const std::string& path) {
  try {
    PluginLibrary library(path);
  } catch (const std::runtime_error& error) {
    return error.what();
  }
  return "loaded";
}

TEST(PluginLibrary, MissingFileNamesThePath) {
  const std::string message = loadError("/nonexistent/libgatehouse_provider_nothing.so");
  EXPECT_NE(message.find("cannot load /nonexistent/libgatehouse_provider_nothing.so"), std::string::npos)
      << message;
}

TEST(PluginLibrary, LibraryWithoutTheEntryPointIsRefused) {
  // libm is on every glibc system and is certainly not a Gatehouse plugin.
  const std::string message = loadError("libm.so.6");
  EXPECT_NE(message.find("entry point gatehouse_plugin_descriptor not found"), std::string::npos) << message;
}

} // namespace
