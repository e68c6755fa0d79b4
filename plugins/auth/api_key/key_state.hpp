// What a key found in the host's directory is worth right now. Every state but Usable is
// refused with the same words to the client (so nobody learns which keys exist); the
// state only reaches the operator's log, by key id.
#pragma once

#include <gatehouse/sdk/credential.hpp>

#include <cstdint>
#include <string_view>

namespace gatehouse::plugins::api_key {

enum class KeyState { Usable, Revoked, Expired, Disabled, OwnerDisabled, NoOwner };

// Checked in this order, so a revoked key that also expired reads as revoked.
KeyState stateOf(const sdk::Credential& key, std::int64_t nowMs);

// For log lines, e.g. "revoked".
std::string_view describe(KeyState state);

} // namespace gatehouse::plugins::api_key
