// Token usage of one chat completion in OpenAI's terms, shared by the providers that
// translate another format: the "usage" object clients read and the gh_usage the host bills.
#pragma once

#include <gatehouse/plugin_abi.h>

#include <cstdint>

#include "json_util.hpp"

namespace gatehouse::providers {

struct ChatUsage {
  std::int64_t promptTokens = 0;     // every input token, cached ones included
  std::int64_t completionTokens = 0; // every output token, reasoning included
  std::int64_t cachedTokens = 0;     // part of promptTokens read from a prompt cache
  std::int64_t reasoningTokens = 0;  // part of completionTokens spent thinking
};

// Writes the usage object (the value of "usage"): prompt_tokens, completion_tokens,
// total_tokens, prompt_tokens_details.cached_tokens and
// completion_tokens_details.reasoning_tokens, as OpenAI sends them.
void writeChatUsage(JsonWriter& writer, const ChatUsage& usage);

// The same counts for exchange.reportUsage (struct_size is filled in by the SDK).
gh_usage toGhUsage(const ChatUsage& usage);

} // namespace gatehouse::providers
