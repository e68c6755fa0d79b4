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

// Runs `body` and reports how it ended: GH_OK when it returned, otherwise the status and
// message of what it threw. Error keeps its status; any other exception is a plugin bug
// (GH_ERROR_INTERNAL) because only Error says what the client did wrong.
template <typename Body> gh_status guarded(const gh_host_api& api, gh_call* call, Body&& body) noexcept {
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
