// One loaded plugin: its library, the host's copies of its tables, its host context and
// the state its init returned. Shared (shared_ptr) by everything the plugin made, so
// the library stays mapped until the last instance is gone.
#pragma once

#include <gatehouse/config/config.hpp>
#include <gatehouse/plugin_abi.h>
#include <gatehouse/plugin_host/abi_handles.hpp>
#include <gatehouse/plugin_host/descriptor_reader.hpp>
#include <gatehouse/plugin_host/plugin_library.hpp>
#include <gatehouse/plugin_host/plugin_result.hpp>

#include <string>

namespace gatehouse {

class LoadedPlugin {
public:
  // `tables` must have passed readDescriptor. Does not call init. `services` back the
  // plugin's credential_find and identity_resolve, `upstream` configures its http_send
  // client (made on the first http_send).
  LoadedPlugin(PluginLibrary library, const PluginTables& tables, std::string name, std::string path,
               std::string configJson, HostServices services = {}, const UpstreamConfig& upstream = {});
  // Calls shutdown if init succeeded, then unloads the library.
  ~LoadedPlugin();
  LoadedPlugin(const LoadedPlugin&) = delete;
  LoadedPlugin& operator=(const LoadedPlugin&) = delete;

  // Calls the plugin's init once. On failure shutdown will not be called.
  PluginResult init();

  const std::string& name() const { return context_.pluginName; } // plugins[].name
  const std::string& path() const { return path_; }
  const std::string& configJson() const { return context_.configJson; } // "{}" when none was given
  const std::string& typeName() const { return typeName_; }             // descriptor name, e.g. "openai"
  const std::string& version() const { return version_; }
  gh_plugin_kind kind() const { return tables_.descriptor.kind; }
  void* state() const { return state_; }
  // The plugin's host-level HTTP (http_send), e.g. to see whether it was used.
  PluginHttp& http() const { return *context_.http; }

  const gh_provider_vtable& provider() const { return tables_.provider; }
  const gh_auth_vtable& auth() const { return tables_.auth; }
  const gh_billing_vtable& billing() const { return tables_.billing; }

private:
  // Declared first so it is destroyed last: nothing below may outlive the code.
  PluginLibrary library_;
  PluginTables tables_;
  HostContext context_;
  std::string path_;
  std::string typeName_;
  std::string version_;
  void* state_ = nullptr;
  bool initialised_ = false;
};

} // namespace gatehouse
