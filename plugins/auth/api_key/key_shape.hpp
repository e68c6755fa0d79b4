// The shape of the API keys the gateway issues: "ghk_" + 43 base64url characters (256
// random bits). The prefix decides whose a credential is: anything else (e.g. a JWT for
// the oidc plugin) is not this plugin's to judge.
#pragma once

#include <cstddef>
#include <string_view>

namespace gatehouse::plugins::api_key {

inline constexpr std::string_view kKeyPrefix = "ghk_";
inline constexpr std::size_t kKeyLength = 4 + 43;

// Starts with "ghk_": this plugin's to accept or deny.
bool hasKeyPrefix(std::string_view credential);

// Exactly a key's length and alphabet; anything else cannot be a key, so the host is not
// even asked.
bool isWellFormedKey(std::string_view credential);

} // namespace gatehouse::plugins::api_key
