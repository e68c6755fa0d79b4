// Anthropic requires max_tokens; OpenAI clients usually leave it out. When they do, the
// provider sends the model's largest output, so an answer is never cut shorter than the
// same request to OpenAI would be:
//
//   upstream model starts with   max_tokens
//   claude-opus-4-5              64000
//   claude-opus-4                32000   (claude-opus-4, claude-opus-4-1)
//   claude-sonnet-4              64000   (claude-sonnet-4, claude-sonnet-4-5)
//   claude-haiku-4               64000   (claude-haiku-4-5)
//   claude-3-7-sonnet            64000
//   claude-3-5-sonnet             8192
//   claude-3-5-haiku              8192
//   claude-3-opus / -sonnet / -haiku  4096
//   anything else                 4096
//
// The provider config's default_max_tokens replaces the table for every model.
#pragma once

#include <string_view>

namespace gatehouse::plugins::anthropic {

inline constexpr int kFallbackMaxTokens = 4096;

int defaultMaxTokens(std::string_view upstreamModel);

} // namespace gatehouse::plugins::anthropic
