// Small conversions between gh_str and std::string for tests that call the host API the way
// a C plugin does.
#pragma once

#include <gatehouse/plugin_host/abi_handles.hpp>

#include <cstring>
#include <string>

namespace gatehouse::host_testing {

inline std::string text(gh_str view) {
  return std::string(viewOf(view));
}
inline gh_str lit(const char* value) {
  return gh_str{value, std::strlen(value)};
}
// A view no plugin may pass: no pointer, yet a length. The host must refuse it, never read it.
inline constexpr gh_str kBroken{nullptr, 5};

} // namespace gatehouse::host_testing
