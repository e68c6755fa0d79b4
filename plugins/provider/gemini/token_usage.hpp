// Gemini usageMetadata in OpenAI's terms. Gemini counts thinking apart from the answer
// (thoughtsTokenCount is outside candidatesTokenCount), OpenAI counts it inside
// completion_tokens; cached tokens are part of the prompt count on both sides.
#pragma once

#include <rapidjson/document.h>

#include <string_view>

#include "chat_usage.hpp"

namespace gatehouse::plugins::gemini {

// Reads a usageMetadata object; missing counts are 0. promptTokenCount is the prompt,
// candidatesTokenCount + thoughtsTokenCount the completion, thoughtsTokenCount its
// reasoning part and cachedContentTokenCount the cached part of the prompt.
providers::ChatUsage readUsageMetadata(const rapidjson::Value& usageMetadata);

// The usageMetadata of a GenerateContentResponse body; zeros when there is none (or the body
// is not JSON). For answers that are not translated, such as a blocked prompt, whose prompt
// Gemini still counts.
providers::ChatUsage usageInResponse(std::string_view body);

} // namespace gatehouse::plugins::gemini
