// Anthropic's stop_reason as OpenAI's finish_reason:
//   end_turn, stop_sequence, pause_turn     -> "stop"
//   max_tokens, model_context_window_exceeded -> "length"
//   tool_use                                -> "tool_calls", or "stop" when the only call
//                                              was the json_schema response tool
//   refusal                                 -> "content_filter"
//   missing or unknown                      -> "stop"
#pragma once

#include <string_view>

namespace gatehouse::plugins::anthropic {

std::string_view finishReasonFor(std::string_view stopReason, bool answeredWithResponseTool = false);

} // namespace gatehouse::plugins::anthropic
