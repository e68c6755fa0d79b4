// Opens a built plugin (.so) and finds its descriptor, so a unit test can drive the very
// library the gateway would load. Link with ${CMAKE_DL_LIBS} (Gatehouse::sdk_testing does).
#pragma once

#include <gatehouse/plugin_abi.h>

#include <dlfcn.h>
#include <stdexcept>
#include <string>

namespace gatehouse::testing {

class PluginLibrary {
public:
  // RTLD_NOW so a missing symbol fails here, as it does in the gateway, not mid-test.
  // Throws std::runtime_error naming the path and the loader's reason.
  explicit PluginLibrary(const std::string& path) {
    handle_ = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle_ == nullptr) {
      throw std::runtime_error("cannot load " + path + ": " + lastDlError());
    }
    void* symbol = dlsym(handle_, GH_PLUGIN_ENTRY_SYMBOL);
    if (symbol == nullptr) {
      dlclose(handle_);
      throw std::runtime_error(path + ": entry point " GH_PLUGIN_ENTRY_SYMBOL " not found");
    }
    // POSIX guarantees a data pointer from dlsym converts to a function pointer.
    entry_ = reinterpret_cast<gh_plugin_entry_fn>(symbol);
  }
  ~PluginLibrary() { dlclose(handle_); }
  PluginLibrary(const PluginLibrary&) = delete;
  PluginLibrary& operator=(const PluginLibrary&) = delete;

  // Static storage inside the library: valid while this object lives. Destroy the
  // FakeHost using it first (declare the PluginLibrary before the FakeHost).
  const gh_plugin_descriptor* descriptor() const { return entry_(); }

private:
  static std::string lastDlError() {
    const char* reason = dlerror(); // NOLINT(concurrency-mt-unsafe): tests load plugins from one thread
    return reason == nullptr ? "unknown error" : reason;
  }

  void* handle_ = nullptr;
  gh_plugin_entry_fn entry_ = nullptr;
};

} // namespace gatehouse::testing
