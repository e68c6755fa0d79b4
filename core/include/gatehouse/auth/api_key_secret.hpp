// The format of the API keys the gateway issues, and the one hash that is stored.
//
//   ghk_<43 characters of base64url>   ("ghk_" + 32 random bytes = 256 bits)
//
// The prefix makes a leaked key easy to recognise (secret scanners, logs); the store keeps
// only hex SHA-256 of the whole key (a key has 256 bits of entropy, so a fast hash is as
// safe as a slow one) plus the first kDisplayPrefixLength characters to tell keys apart.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gatehouse::auth {

inline constexpr std::string_view kApiKeyPrefix = "ghk_";
inline constexpr std::size_t kApiKeyLength = 4 + 43;
inline constexpr std::size_t kDisplayPrefixLength = 12; // "ghk_" + 8 characters

struct GeneratedApiKey {
  std::string secret;        // shown to the person exactly once, never stored or logged
  std::string hash;          // hashApiKey(secret)
  std::string displayPrefix; // secret.substr(0, kDisplayPrefixLength)
};

// From the operating system's CSPRNG (OpenSSL RAND_bytes). Throws std::runtime_error
// only when the CSPRNG fails.
GeneratedApiKey generateApiKey();

// Lowercase hex SHA-256 of `secret` (64 characters).
std::string hashApiKey(std::string_view secret);

// True when `text` has the shape of a key this gateway issues (prefix, length, alphabet).
bool looksLikeApiKey(std::string_view text);

// Constant-time equality of two equally long strings (false when lengths differ).
bool constantTimeEquals(std::string_view a, std::string_view b);

// A fresh random token of `bytes` random bytes, base64url without padding (session ids,
// OAuth state values).
std::string randomToken(std::size_t bytes = 32);

} // namespace gatehouse::auth
