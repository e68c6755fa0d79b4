#include "finish_reason.hpp"

namespace gatehouse::plugins::anthropic {

std::string_view finishReasonFor(std::string_view stopReason, bool answeredWithResponseTool) {
  if (stopReason == "max_tokens" || stopReason == "model_context_window_exceeded") {
    return "length";
  }
  if (stopReason == "tool_use") {
    return answeredWithResponseTool ? "stop" : "tool_calls";
  }
  if (stopReason == "refusal") {
    return "content_filter";
  }
  return "stop";
}

} // namespace gatehouse::plugins::anthropic
