// A non-streamed Anthropic message as an OpenAI chat.completion:
//   text blocks        -> message.content (joined; null when there is no text)
//   tool_use blocks    -> message.tool_calls (id kept, input serialised as arguments), except
//                         the json_schema response tool, whose input is appended to content
//   thinking and redacted_thinking blocks, and block types this plugin does not know, are
//   dropped (OpenAI's chat format has no place for them)
//   stop_reason        -> finish_reason (finish_reason.hpp), usage -> usage (anthropic_usage.hpp)
#pragma once

#include <chat_usage.hpp>
#include <string>
#include <string_view>

#include "reply_context.hpp"

namespace gatehouse::plugins::anthropic {

struct TranslatedResponse {
  std::string body; // the chat.completion JSON
  providers::ChatUsage usage;
};

// Throws sdk::Error(GH_ERROR_UPSTREAM) when `anthropicBody` is not an Anthropic message.
TranslatedResponse translateResponse(std::string_view anthropicBody, const ReplyContext& context);

} // namespace gatehouse::plugins::anthropic
