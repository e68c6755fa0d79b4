// How a host writes into a struct the plugin handed over: only the fields inside the
// plugin's struct_size, so a plugin built against an older, smaller struct is never
// written past its end. The FakeHost fills gh_credential and gh_principal this way.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace gatehouse::testing {

// Copies every field of `full` after struct_size that fits in out.struct_size; out's own
// struct_size is left as the plugin set it.
template <class AbiStruct> void copyInto(const AbiStruct& full, AbiStruct& out) noexcept {
  constexpr std::size_t kHeader = sizeof(std::uint32_t); // struct_size comes first in every struct
  const std::size_t size = std::min<std::size_t>(out.struct_size, sizeof(AbiStruct));
  if (size > kHeader) {
    std::memcpy(reinterpret_cast<char*>(&out) + kHeader, reinterpret_cast<const char*>(&full) + kHeader,
                size - kHeader);
  }
}

} // namespace gatehouse::testing
