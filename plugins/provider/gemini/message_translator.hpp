// OpenAI chat messages to Gemini "contents" and "systemInstruction":
//   - system and developer messages, wherever they stand, become systemInstruction parts in
//     their order (Gemini has one system instruction, not positioned ones)
//   - user -> role "user", assistant -> role "model"; consecutive turns of the same Gemini role
//     are merged into one (Gemini wants user and model turns to alternate)
//   - assistant tool_calls -> functionCall parts {name, args} (arguments must be a JSON object;
//     "" reads as {}); extra_content.google.thought_signature -> the part's thoughtSignature
//   - tool messages -> functionResponse parts in a user turn {name, response}: the name is the
//     earlier tool call's with that tool_call_id; the response is the content when it is a JSON
//     object, otherwise {"content": <text>}; consecutive results share one turn
//   - message "name" fields are ignored (Gemini has no participant names)
#pragma once

#include <rapidjson/document.h>

#include "json_util.hpp"

namespace gatehouse::plugins::gemini {

// The placeholder Gemini documents for function calls whose thought signature is unknown
// (a call made by another model, or a history whose signatures were dropped).
inline constexpr std::string_view kPlaceholderThoughtSignature = "skip_thought_signature_validator";

struct MessageOptions {
  // Sign the first function call of each assistant turn that has no signature with the
  // placeholder (GeminiConfig::fillMissingThoughtSignatures).
  bool fillMissingThoughtSignatures = false;
};

// Adds "contents" and, when there is system text, "systemInstruction" to the object
// `request`. Throws ClientError 400 naming the offending message field.
void translateMessages(const rapidjson::Value& messages, const MessageOptions& options,
                       rapidjson::Value& request, providers::JsonAllocator& allocator);

} // namespace gatehouse::plugins::gemini
