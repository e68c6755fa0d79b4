// A whole OpenAI chat.completion object, for providers that translate another format.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "chat_identity.hpp"
#include "chat_usage.hpp"

namespace gatehouse::providers {

struct ChatToolCall {
  std::string id;
  std::string name;
  std::string arguments; // a JSON text, as OpenAI sends it
};

struct ChatChoice {
  int index = 0;
  std::optional<std::string> content;  // nullopt: "content": null (e.g. only tool calls)
  std::vector<ChatToolCall> toolCalls; // empty: no "tool_calls" member
  std::string finishReason = "stop";
};

// {"id","object":"chat.completion","created","model","system_fingerprint":null,
//  "choices":[{"index","message":{"role":"assistant","content","refusal":null[,"tool_calls"]},
//  "logprobs":null,"finish_reason"}],"usage":{...}}
std::string chatCompletionJson(const ChatIdentity& identity, const std::vector<ChatChoice>& choices,
                               const ChatUsage& usage);

} // namespace gatehouse::providers
