#include "finish_reason.hpp"

#include <algorithm>
#include <array>

namespace gatehouse::plugins::gemini {

std::string_view openAiFinishReason(std::string_view geminiReason, bool calledFunctions) {
  static constexpr std::array<std::string_view, 8> kFiltered = {
      "SAFETY", "RECITATION",   "BLOCKLIST",        "PROHIBITED_CONTENT",
      "SPII",   "IMAGE_SAFETY", "IMAGE_RECITATION", "IMAGE_PROHIBITED_CONTENT"};
  if (geminiReason == "MAX_TOKENS") {
    return "length";
  }
  if (std::find(kFiltered.begin(), kFiltered.end(), geminiReason) != kFiltered.end()) {
    return "content_filter";
  }
  return calledFunctions ? "tool_calls" : "stop";
}

} // namespace gatehouse::plugins::gemini
