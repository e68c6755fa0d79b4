// A Gemini GenerateContentResponse as an OpenAI chat.completion: one choice per candidate
// (its index kept), text parts joined into message.content, functionCall parts as
// message.tool_calls with generated ids (content null when there is no text), the thought
// signature of a call under extra_content.google.thought_signature (the field Google's own
// OpenAI compatibility layer uses), finishReason mapped by openAiFinishReason, usage from
// usageMetadata.
#pragma once

#include <string>
#include <string_view>

#include "chat_identity.hpp"
#include "chat_usage.hpp"
#include "gemini_error.hpp"
#include "tool_call_ids.hpp"

namespace gatehouse::plugins::gemini {

struct ChatResponseOptions {
  providers::ChatIdentity identity;
  bool parallelToolCalls = true; // false: only each candidate's first function call is kept
  ErrorContext errors;
};

struct ChatResponse {
  std::string body; // the chat.completion JSON
  providers::ChatUsage usage;
};

// Throws ClientError: 400 (code content_filter) when Gemini blocked the prompt, 502 when
// the body is not a GenerateContentResponse with candidates.
ChatResponse translateChatResponse(std::string_view geminiBody, const ChatResponseOptions& options,
                                   ToolCallIds& ids);

} // namespace gatehouse::plugins::gemini
