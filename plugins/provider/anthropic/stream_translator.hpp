// Translates one Anthropic Messages stream into OpenAI chat.completion.chunk objects, fed
// one Server-Sent Event at a time:
//   message_start                 -> the role chunk; input usage noted
//   content_block_start text      -> (its text, if any, as a content chunk)
//   content_block_start tool_use  -> a tool_calls chunk: index (0, 1, ... counting tool blocks
//                                    only), id, type, function.name, arguments ""
//   content_block_delta text_delta       -> a content chunk
//   content_block_delta input_json_delta -> an arguments chunk at the block's tool index
//   message_delta                 -> the finish_reason chunk; usage totals noted
//   message_stop                  -> the usage chunk (choices []) if the client asked for it
//   error                         -> throws (translateStreamError), ending the client's stream
//   ping, content_block_stop, thinking / signature / citation deltas, unknown types -> nothing
// The json_schema response tool's input arrives as content chunks instead of a tool call.
// One translator serves one stream; it is not thread-safe.
#pragma once

#include <chat_chunk_json.hpp>
#include <chat_usage.hpp>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "anthropic_usage.hpp"
#include "reply_context.hpp"

namespace gatehouse::plugins::anthropic {

class StreamTranslator {
public:
  explicit StreamTranslator(ReplyContext context);

  // The chunks (JSON texts, in order) for one event; `eventName` is the SSE "event:" field,
  // used only when the data has no "type". Throws sdk::Error for an error event or data
  // that is not JSON.
  std::vector<std::string> translate(std::string_view eventName, std::string_view data);

  // Call when the upstream body ended cleanly: throws sdk::Error(GH_ERROR_UPSTREAM) if it
  // ended before message_stop (a truncated answer must not look complete).
  void finish() const;

  // What the stream consumed so far (also after a failure or a client disconnect).
  providers::ChatUsage usage() const { return usage_.toChatUsage(); }
  bool stopped() const { return stopped_; }

private:
  enum class BlockKind { Text, Tool, ResponseTool, Other };
  struct Block {
    BlockKind kind = BlockKind::Other;
    int toolIndex = -1;
  };

  void start(std::vector<std::string>& out);
  void blockStart(const rapidjson::Value& event, std::vector<std::string>& out);
  void blockDelta(const rapidjson::Value& event, std::vector<std::string>& out);
  void messageDelta(const rapidjson::Value& event, std::vector<std::string>& out);
  void messageStop(std::vector<std::string>& out);
  [[noreturn]] void fail(const std::string& why) const;

  ReplyContext context_;
  providers::ChatChunkJson chunks_;
  AnthropicUsage usage_;
  std::map<std::int64_t, Block> blocks_; // by Anthropic content block index
  int nextToolIndex_ = 0;
  bool clientToolUsed_ = false;
  bool responseToolUsed_ = false;
  bool started_ = false;
  bool finishSent_ = false;
  bool stopped_ = false;
};

} // namespace gatehouse::plugins::anthropic
