// The plugin's view of the host: logging and its own configuration. A plugin receives
// a Host& in its constructor; it stays valid until the plugin is destroyed at shutdown.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/str.hpp>

#include <string_view>

namespace gatehouse::sdk {

class Host {
public:
  // Borrows both: the host keeps `api` and `host` alive from init until shutdown returns.
  Host(const gh_host_api& api, gh_host* host) noexcept : api_(&api), host_(host) {}

  // Writes one log line attributed to this plugin; the host copies `message`.
  // Never put a secret into a message. Thread-safe.
  void log(gh_log_level level, std::string_view message) const noexcept {
    api_->log(host_, level, ghStr(message));
  }
  // Lets a plugin skip building a message nobody will read.
  bool logEnabled(gh_log_level level) const noexcept { return api_->log_enabled(host_, level) != 0; }
  void debug(std::string_view message) const noexcept { log(GH_LOG_DEBUG, message); }
  void info(std::string_view message) const noexcept { log(GH_LOG_INFO, message); }
  void warn(std::string_view message) const noexcept { log(GH_LOG_WARN, message); }
  void error(std::string_view message) const noexcept { log(GH_LOG_ERROR, message); }

  // The plugins[].config object as JSON ("{}" when absent). Owned by the host, valid
  // until shutdown: copy it only if you keep it beyond that (you never need to).
  std::string_view pluginConfig() const noexcept { return view(api_->plugin_config(host_)); }
  // The name the operator loaded this plugin under (plugins[].name). Valid until shutdown.
  std::string_view pluginName() const noexcept { return view(api_->plugin_name(host_)); }

  // The raw table and handle, for host calls the wrapper does not cover.
  const gh_host_api& api() const noexcept { return *api_; }
  gh_host* handle() const noexcept { return host_; }

private:
  const gh_host_api* api_;
  gh_host* host_;
};

} // namespace gatehouse::sdk
