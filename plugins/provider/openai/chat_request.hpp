// The chat completion request sent upstream: the client's body with only "model"
// replaced, plus stream_options.include_usage when a stream should report its usage.
#pragma once

#include <string>
#include <string_view>

namespace gatehouse::plugins::openai {

struct ChatRequest {
  std::string body;
  // The client itself asked for the usage chunk (stream_options.include_usage: true), so
  // it is forwarded; otherwise a usage chunk the gateway asked for is kept from it.
  bool clientWantsUsage = false;
};

// Every field but "model" keeps its value (tools, tool_choice, response_format, content
// parts, logprobs, seed, n, ...). With `stream` and `streamUsage`, include_usage is set
// in stream_options (created when absent). Throws sdk::Error(GH_ERROR_INVALID_ARGUMENT)
// when the body is not a JSON object, lacks a "messages" array, or has a stream_options
// that is not an object.
ChatRequest prepareChatRequest(std::string_view clientBody, std::string_view upstreamModel, bool stream,
                               bool streamUsage);

} // namespace gatehouse::plugins::openai
