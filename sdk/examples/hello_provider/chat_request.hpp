// What the hello provider needs from a chat completion request body.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace hello {

struct ChatRequest {
  std::string lastUserMessage;  // text of the last message whose role is "user"
  std::int64_t promptWords = 0; // words across every message's text
};

// Reads `messages` from an OpenAI chat completion body; every other member is checked
// for well-formedness and ignored. A message's content is a string, or an array of parts
// of which the {"type":"text","text":...} ones count. Throws JsonError for malformed JSON
// and std::invalid_argument for a body that is JSON but not a usable chat request.
ChatRequest parseChatRequest(std::string_view body);

} // namespace hello
