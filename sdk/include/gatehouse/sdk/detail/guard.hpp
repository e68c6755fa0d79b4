// The exception firewall every trampoline runs plugin code inside.
#pragma once

#include <gatehouse/plugin_abi.h>
#include <gatehouse/sdk/error.hpp>
#include <gatehouse/sdk/str.hpp>

#include <exception>
#include <string_view>
#include <utility>

namespace gatehouse::sdk::detail {

inline void setError(const gh_host_api& api, gh_call* call, std::string_view message) noexcept {
  if (api.set_error != nullptr) {
    api.set_error(call, ghStr(message));
  }
}

// The gh_call of the host call this thread is serving, so helpers such as
// Host::resolveSecret can use it without every plugin method passing it along.
inline gh_call*& currentCall() noexcept {
  static thread_local gh_call* call = nullptr;
  return call;
}

// Makes `call` the current one for a scope; restores the previous one, so a nested
// call (the host calling back into the plugin) does not lose the outer one.
class CurrentCallScope {
public:
  explicit CurrentCallScope(gh_call* call) noexcept : previous_(currentCall()) { currentCall() = call; }
  ~CurrentCallScope() { currentCall() = previous_; }
  CurrentCallScope(const CurrentCallScope&) = delete;
  CurrentCallScope& operator=(const CurrentCallScope&) = delete;

private:
  gh_call* previous_;
};

// Runs `body` and reports how it ended: GH_OK when it returned, otherwise the status and
// message of what it threw. Error keeps its status; any other exception is a plugin bug
// (GH_ERROR_INTERNAL) because only Error says what the client did wrong.
template <typename Body> gh_status guarded(const gh_host_api& api, gh_call* call, Body&& body) noexcept {
  const CurrentCallScope scope(call);
  try {
    std::forward<Body>(body)();
    return GH_OK;
  } catch (const Error& error) {
    setError(api, call, error.what());
    return error.status();
  } catch (const std::exception& error) {
    setError(api, call, error.what());
    return GH_ERROR_INTERNAL;
  } catch (...) {
    setError(api, call, "unknown exception");
    return GH_ERROR_INTERNAL;
  }
}

} // namespace gatehouse::sdk::detail
