// The few OpenSSL primitives the sign-in protocol needs besides signature checks.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace gatehouse::plugins::oidc {

// `count` bytes from OpenSSL's CSPRNG. Throws sdk::Error(GH_ERROR_INTERNAL) if the
// generator cannot deliver (never falls back to a weaker source).
std::string randomBytes(std::size_t count);

// The 32-byte SHA-256 digest of `data`.
std::string sha256(std::string_view data);

// Compares in time that depends only on the lengths, so a comparison of a secret value
// (nonce, state) leaks nothing through timing.
bool constantTimeEquals(std::string_view a, std::string_view b);

} // namespace gatehouse::plugins::oidc
