// OpenAI sampling and output fields to Gemini's generationConfig:
//   temperature -> temperature, top_p -> topP, seed -> seed, top_k (not OpenAI's, but
//   clients targeting Gemini send it) -> topK
//   max_completion_tokens (else max_tokens) -> maxOutputTokens
//   stop (string or list) -> stopSequences, n -> candidateCount
//   presence_penalty / frequency_penalty -> presencePenalty / frequencyPenalty, only when
//     non-zero (several Gemini models refuse penalties, and 0 is OpenAI's default anyway)
//   response_format json_object -> responseMimeType "application/json"; json_schema -> the
//     same plus responseSchema (cleanSchema); text -> nothing
//   reasoning_effort none/minimal/low/medium/high -> thinkingConfig.thinkingBudget
//     0/1024/1024/8192/24576 (the budgets Google's own OpenAI compatibility layer uses)
#pragma once

#include <rapidjson/document.h>

#include "json_util.hpp"

namespace gatehouse::plugins::gemini {

// Adds "generationConfig" to the object `request` when any of the fields is set. Throws
// ClientError 400 naming a field of the wrong type or value.
void translateGenerationConfig(const rapidjson::Value& body, rapidjson::Value& request,
                               providers::JsonAllocator& allocator);

} // namespace gatehouse::plugins::gemini
