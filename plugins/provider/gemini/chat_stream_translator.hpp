// streamGenerateContent?alt=sse events (each a whole GenerateContentResponse holding the
// next piece of each candidate) to OpenAI chat.completion.chunk JSON, one event at a time:
//   - a choice opens with a role chunk the first time its candidate appears
//   - text parts -> content deltas, as they arrive (multi-byte characters stay whole:
//     Gemini sends complete JSON strings)
//   - functionCall parts -> one tool_calls delta each with the complete arguments, an index
//     counting the choice's calls from 0 and a generated id
//   - finishReason -> a chunk with the mapped finish_reason
//   - usageMetadata -> kept (the last one counts); sent as a final chunk with "choices": []
//     only when the client asked for stream_options.include_usage
//   - {"error": ...} -> ClientError with the translated error
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "chat_identity.hpp"
#include "chat_usage.hpp"
#include "chunk_writer.hpp"
#include "gemini_error.hpp"
#include "tool_call_ids.hpp"

namespace gatehouse::plugins::gemini {

struct StreamOptions {
  providers::ChatIdentity identity;
  bool includeUsage = false;
  bool parallelToolCalls = true; // false: only each choice's first function call is sent
  ErrorContext errors;
};

class ChatStreamTranslator {
public:
  ChatStreamTranslator(StreamOptions options, ToolCallIds& ids);

  // The chunks for one event's data. Throws ClientError for an error event, for an event
  // that is not JSON (502), and for a blocked prompt (400 content_filter).
  std::vector<std::string> translate(std::string_view event);

  // The chunks that end the stream after the upstream's last event: a finish chunk for a
  // choice Gemini never finished ("stop"), and the usage chunk when asked for.
  std::vector<std::string> finish();

  // The usage of the last usageMetadata seen; zeros before any.
  const providers::ChatUsage& usage() const noexcept { return usage_; }

private:
  struct Choice {
    int toolCalls = 0;
    bool finished = false;
  };

  Choice& open(int index, std::vector<std::string>& out);

  StreamOptions options_;
  ToolCallIds& ids_;
  ChunkWriter writer_;
  std::map<int, Choice> choices_;
  providers::ChatUsage usage_;
};

} // namespace gatehouse::plugins::gemini
