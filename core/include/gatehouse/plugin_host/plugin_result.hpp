// The outcome of one call into a plugin, as core sees it.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <string>
#include <string_view>

namespace gatehouse {

// Status plus the message the plugin set (if any). Never carries a secret: plugin
// messages may reach clients, and the ABI forbids secrets in them.
struct PluginResult {
  gh_status status = GH_OK;
  std::string message;
  bool ok() const { return status == GH_OK; }
};

// Turns what a plugin returned into a PluginResult the rest of core can trust: an
// unknown status becomes GH_ERROR_INTERNAL, and a failure without a message gets one
// naming the plugin, so a client never sees an empty error.
PluginResult resultOf(gh_status status, std::string message, std::string_view pluginName);

} // namespace gatehouse
