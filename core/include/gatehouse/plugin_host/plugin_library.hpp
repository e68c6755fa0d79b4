// One opened shared library, through Boost.DLL.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <boost/dll/shared_library.hpp>

#include <filesystem>
#include <string>

namespace gatehouse {

class PluginLibrary {
public:
  PluginLibrary() = default;
  PluginLibrary(PluginLibrary&&) noexcept = default;
  PluginLibrary& operator=(PluginLibrary&&) noexcept = default;
  PluginLibrary(const PluginLibrary&) = delete;
  PluginLibrary& operator=(const PluginLibrary&) = delete;

  // Opens `path` with RTLD_NOW | RTLD_LOCAL: an unresolved symbol fails here, not as a
  // crash on first call, and the plugin's symbols cannot collide with another's.
  // Returns the cause on failure ("file not found", "not a loadable shared library:
  // ..."), empty on success.
  std::string open(const std::filesystem::path& path);
  bool isOpen() const { return library_.is_loaded(); }

  // The exported GH_PLUGIN_ENTRY_SYMBOL, or nullptr when the library lacks it.
  gh_plugin_entry_fn entryPoint() const;

private:
  boost::dll::shared_library library_;
};

} // namespace gatehouse
