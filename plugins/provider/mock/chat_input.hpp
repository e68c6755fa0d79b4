// What the mock needs from a chat completion request body.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gatehouse::plugins::mock {

struct ChatInput {
  std::string lastUserText;      // text of the last "user" message
  std::int64_t promptTokens = 0; // countTokens of every message's text, summed
  bool includeUsage = false;     // stream_options.include_usage
};

// A message's text is its string content, or the "text" of each {"type":"text"} part of
// an array content joined with single spaces; other content counts as empty. Throws
// gatehouse::sdk::Error(GH_ERROR_INVALID_ARGUMENT) with a message fit for the client for
// a body that is not a JSON object, missing or empty messages, a message that is not an
// object, or no user message.
ChatInput parseChatInput(std::string_view body);

} // namespace gatehouse::plugins::mock
