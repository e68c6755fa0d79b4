// The request headers an API key may arrive in: OpenAI's SDKs send Authorization: Bearer,
// Anthropic's x-api-key, Google's x-goog-api-key.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace gatehouse::plugins::api_key {

enum class KeyHeader { Authorization, XApiKey, XGoogApiKey };

inline constexpr std::array<KeyHeader, 3> kAllKeyHeaders = {KeyHeader::Authorization, KeyHeader::XApiKey,
                                                            KeyHeader::XGoogApiKey};

// The header's name as written in the plugin config and in messages, e.g. "x-api-key".
std::string_view headerName(KeyHeader header);

// The header named `name` (case-insensitive, as HTTP header names are); nullopt for any other.
std::optional<KeyHeader> keyHeaderNamed(std::string_view name);

} // namespace gatehouse::plugins::api_key
