// Gemini's Candidate.finishReason as an OpenAI finish_reason:
//   STOP -> "stop", or "tool_calls" when the candidate called functions
//   MAX_TOKENS -> "length"
//   SAFETY, RECITATION, BLOCKLIST, PROHIBITED_CONTENT, SPII, IMAGE_SAFETY,
//   IMAGE_PROHIBITED_CONTENT, IMAGE_RECITATION -> "content_filter"
//   anything else (LANGUAGE, OTHER, MALFORMED_FUNCTION_CALL, UNEXPECTED_TOOL_CALL, unknown
//   future values) -> "stop", or "tool_calls" when the candidate called functions
#pragma once

#include <string_view>

namespace gatehouse::plugins::gemini {

std::string_view openAiFinishReason(std::string_view geminiReason, bool calledFunctions);

} // namespace gatehouse::plugins::gemini
