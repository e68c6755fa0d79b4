// Conversions between the ABI's borrowed {ptr, len} views and std::string_view.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <string_view>

namespace gatehouse::sdk {

// The ABI allows {NULL, 0}; a string_view must never be built from a null pointer.
inline std::string_view view(gh_str text) noexcept {
  return text.ptr == nullptr ? std::string_view() : std::string_view(text.ptr, text.len);
}

// Borrows `text`: the result is valid only as long as the characters it points to.
inline gh_str ghStr(std::string_view text) noexcept {
  return gh_str{text.data(), text.size()};
}

} // namespace gatehouse::sdk
