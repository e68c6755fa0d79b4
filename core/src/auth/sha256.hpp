// SHA-256 as lowercase hex, into a fixed-size buffer: the key directory hashes every
// presented API key on the request path and must not allocate for it.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>

namespace gatehouse::auth {

inline constexpr std::size_t kSha256HexLength = 64;
using Sha256Hex = std::array<char, kSha256HexLength>;

// Throws std::runtime_error only when OpenSSL fails (out of memory, broken provider).
Sha256Hex sha256Hex(std::string_view data);

inline std::string sha256HexString(std::string_view data) {
  const Sha256Hex hex = sha256Hex(data);
  return std::string(hex.data(), hex.size());
}

} // namespace gatehouse::auth
