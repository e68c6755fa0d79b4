#include <gatehouse/common/log.hpp>
#include <gatehouse/plugin_host/abi_text.hpp>
#include <gatehouse/plugin_host/host_api.hpp>
#include <gatehouse/plugin_host/loaded_plugin.hpp>

#include <memory>
#include <utility>

namespace gatehouse {

LoadedPlugin::LoadedPlugin(PluginLibrary library, const PluginTables& tables, std::string name,
                           std::string path, std::string configJson, HostServices services,
                           const UpstreamConfig& upstream)
    : library_(std::move(library)), tables_(tables), path_(std::move(path)),
      typeName_(viewOf(tables.descriptor.name)), version_(viewOf(tables.descriptor.version)) {
  context_.pluginName = std::move(name);
  context_.configJson = configJson.empty() ? std::string("{}") : std::move(configJson);
  context_.logComponent = "plugin:" + context_.pluginName;
  context_.services = services;
  // Complete before init: a plugin may fetch what it needs (e.g. OpenID discovery) there.
  context_.http = std::make_unique<PluginHttp>(upstream, "plugin '" + context_.pluginName + "'",
                                               context_.services.httpClients);
}

LoadedPlugin::~LoadedPlugin() {
  if (!initialised_) {
    return;
  }
  tables_.descriptor.shutdown(state_);
  log::debug("plugin_host", "plugin '" + context_.pluginName + "' shut down");
}

PluginResult LoadedPlugin::init() {
  HostCall call;
  void* state = nullptr;
  const gh_status status = tables_.descriptor.init(&hostApi(), context_.handle(), call.handle(), &state);
  PluginResult result = resultOf(status, std::move(call.error), context_.pluginName);
  if (result.ok()) {
    state_ = state;
    initialised_ = true;
  }
  return result;
}

} // namespace gatehouse
