// Keeps provider keys out of text that reaches a client. Upstreams quote keys back in
// their errors (OpenAI: "Incorrect API key provided: sk-abc***xyz"), and the company's key
// must never leave the gateway, not even masked.
#pragma once

#include <string>
#include <string_view>

namespace gatehouse::providers {

inline constexpr std::string_view kRedacted = "[REDACTED]";

// Replaces every token that looks like a provider key with "[REDACTED]": "sk-" keys
// starting at a word boundary with at least 4 more characters (OpenAI, Anthropic's
// "sk-ant-...", DeepSeek, OpenRouter, ... also in their masked "sk-abc***xyz" form), and
// Google keys anywhere: "AIza" and at least 20 more of [A-Za-z0-9_*-]. Also replaces every
// occurrence of `knownSecret` (the configured key, whatever it looks like) when given.
std::string redactKeys(std::string_view text, std::string_view knownSecret = {});

} // namespace gatehouse::providers
