#include <gatehouse/plugin_host/abi_text.hpp>
#include <gatehouse/plugin_host/plugin_result.hpp>

#include <utility>

namespace gatehouse {

PluginResult resultOf(gh_status status, std::string message, std::string_view pluginName) {
  PluginResult result{status, std::move(message)};
  if (!isKnownStatus(status)) {
    result.status = GH_ERROR_INTERNAL;
    std::string why =
        "plugin '" + std::string(pluginName) + "' returned unknown status " + std::to_string(status);
    result.message = result.message.empty() ? why : why + ": " + result.message;
  } else if (status != GH_OK && result.message.empty()) {
    result.message = "plugin '" + std::string(pluginName) + "' failed (" + std::string(statusName(status)) +
                     ") without saying why";
  }
  return result;
}

} // namespace gatehouse
