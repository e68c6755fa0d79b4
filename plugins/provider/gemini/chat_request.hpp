// An OpenAI chat completion request as a Gemini GenerateContentRequest, the whole request
// translation in one call: refused fields first, then messages, tools, safety settings
// and generation config.
#pragma once

#include <string>
#include <string_view>

namespace gatehouse::plugins::gemini {

struct ChatRequestOptions {
  std::string_view safetySettingsJson; // the provider's safety_settings array, or empty
  bool fillMissingThoughtSignatures = false;
};

struct GeminiChatRequest {
  std::string body;              // the GenerateContentRequest JSON
  bool includeUsage = false;     // the client asked for stream_options.include_usage
  bool parallelToolCalls = true; // false: keep only the first function call of a candidate
};

// Throws ClientError 400 naming the field for a malformed or refused request.
GeminiChatRequest translateChatRequest(std::string_view openAiBody, const ChatRequestOptions& options);

} // namespace gatehouse::plugins::gemini
