// OpenAI chat.completion.chunk objects, for providers that translate another stream format.
// Each method returns one chunk's JSON (the data of one Server-Sent Event, no framing).
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "chat_identity.hpp"
#include "chat_usage.hpp"

namespace gatehouse::providers {

class ChatChunkJson {
public:
  // With `includeUsage` (the client's stream_options.include_usage) every chunk but the
  // usage chunk carries "usage": null, as OpenAI's do.
  ChatChunkJson(ChatIdentity identity, bool includeUsage)
      : identity_(std::move(identity)), includeUsage_(includeUsage) {}

  // delta {"role":"assistant","content":""}: the first chunk of a choice.
  std::string role(int choice = 0) const;
  // delta {"content": text}.
  std::string content(std::string_view text, int choice = 0) const;
  // delta {"tool_calls":[{"index","id","type":"function","function":{"name","arguments"}}]}:
  // the first chunk of one tool call; `arguments` may already hold all of them.
  std::string toolCallStart(int toolIndex, std::string_view callId, std::string_view name,
                            std::string_view arguments = {}, int choice = 0) const;
  // delta {"tool_calls":[{"index","function":{"arguments"}}]}: more of a call's arguments.
  std::string toolCallArguments(int toolIndex, std::string_view arguments, int choice = 0) const;
  // delta {} with the choice's finish_reason ("stop", "length", "tool_calls", ...).
  std::string finish(std::string_view finishReason, int choice = 0) const;
  // "choices": [] and the usage object: the last chunk, sent only when the client asked.
  std::string usage(const ChatUsage& usage) const;

  bool includesUsage() const noexcept { return includeUsage_; }

private:
  template <class FillDelta>
  std::string chunk(int choice, FillDelta fillDelta, std::string_view finish) const;

  ChatIdentity identity_;
  bool includeUsage_;
};

} // namespace gatehouse::providers
