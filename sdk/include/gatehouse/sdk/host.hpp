// The plugin's view of the host: logging, its own configuration and secrets. A plugin receives
// a Host& in its constructor; it stays valid until the plugin is destroyed at shutdown.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/detail/guard.hpp>
#include <gatehouse/sdk/error.hpp>
#include <gatehouse/sdk/str.hpp>

#include <memory>
#include <string>
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

  // The value behind a secret reference from the config: "env:NAME" or "file:PATH" (a
  // single trailing newline removed). Call it from inside a plugin callback (the
  // constructor, create, handle, ...) on the thread the host called; keep the result out
  // of logs and errors. Throws Error with the host's message (it names the reference,
  // never a value) when the reference is malformed or cannot be resolved; letting it
  // escape fails the call with that message.
  std::string resolveSecret(std::string_view reference) const {
    // Destroyed on every path; buffer_destroy also zeroes the host's copy of the value.
    const std::unique_ptr<gh_buffer, void (*)(gh_buffer*)> buffer(api_->buffer_create(host_),
                                                                  api_->buffer_destroy);
    if (buffer == nullptr) {
      throw Error(GH_ERROR_INTERNAL, "out of memory resolving a secret");
    }
    const gh_status status =
        api_->resolve_secret(host_, detail::currentCall(), ghStr(reference), buffer.get());
    const gh_str contents = api_->buffer_view(buffer.get());
    std::string result(contents.ptr != nullptr ? contents.ptr : "", contents.len);
    if (status != GH_OK) {
      throw Error(status, result.empty() ? "secret '" + std::string(reference) + "' cannot be resolved"
                                         : result);
    }
    return result;
  }

  // The raw table and handle, for host calls the wrapper does not cover.
  const gh_host_api& api() const noexcept { return *api_; }
  gh_host* handle() const noexcept { return host_; }

private:
  const gh_host_api* api_;
  gh_host* host_;
};

} // namespace gatehouse::sdk
