// OpenAI chat.completion.chunk JSON for one streamed answer. Each chunk carries one thing:
// the opening role delta, a content delta, one complete tool call, a finish reason, or
// (after all choices finished) the usage with "choices": [].
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "candidate.hpp"
#include "chat_identity.hpp"
#include "chat_usage.hpp"
#include "json_util.hpp"

namespace gatehouse::plugins::gemini {

class ChunkWriter {
public:
  explicit ChunkWriter(providers::ChatIdentity identity) : identity_(std::move(identity)) {}

  // delta {"role":"assistant","content":""}, as OpenAI opens every choice.
  std::string role(int choice) const;
  std::string content(int choice, std::string_view text) const;
  // A whole call in one delta: index, id, type, name and the complete arguments.
  std::string toolCall(int choice, int toolIndex, const FunctionCall& call, std::string_view id) const;
  // An empty delta with the finish_reason.
  std::string finish(int choice, std::string_view reason) const;
  std::string usage(const providers::ChatUsage& usage) const;

private:
  template <typename WriteDelta>
  std::string chunk(int choice, WriteDelta writeDelta, std::string_view finishReason) const;
  void writeHead(providers::JsonWriter& writer) const;

  providers::ChatIdentity identity_;
};

} // namespace gatehouse::plugins::gemini
