// Gemini usageMetadata in OpenAI's terms. Gemini counts thinking apart from the answer
// (thoughtsTokenCount is outside candidatesTokenCount), OpenAI counts it inside
// completion_tokens; cached tokens are part of the prompt count on both sides.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <rapidjson/document.h>

#include <cstdint>
#include <string_view>

#include "json_access.hpp"

namespace gatehouse::plugins::gemini {

struct TokenUsage {
  std::int64_t promptTokens = 0;     // promptTokenCount
  std::int64_t completionTokens = 0; // candidatesTokenCount + thoughtsTokenCount
  std::int64_t cachedTokens = 0;     // cachedContentTokenCount
  std::int64_t reasoningTokens = 0;  // thoughtsTokenCount
};

// Reads a usageMetadata object; missing counts are 0.
TokenUsage readUsageMetadata(const rapidjson::Value& usageMetadata);

// The usageMetadata of a GenerateContentResponse body; zeros when there is none (or the body
// is not JSON). For answers that are not translated, such as a blocked prompt, whose prompt
// Gemini still counts.
TokenUsage usageInResponse(std::string_view body);

// Writes OpenAI's usage object: prompt_tokens, completion_tokens, total_tokens,
// prompt_tokens_details.cached_tokens, completion_tokens_details.reasoning_tokens.
void writeUsage(JsonWriter& writer, const TokenUsage& usage);

gh_usage toAbiUsage(const TokenUsage& usage);

} // namespace gatehouse::plugins::gemini
