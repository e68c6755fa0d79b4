// Anthropic's usage object and its OpenAI reading. Anthropic's input_tokens leaves out
// the tokens read from or written to the prompt cache, OpenAI's prompt_tokens counts every
// input token, so:
//   prompt_tokens      = input_tokens + cache_read_input_tokens + cache_creation_input_tokens
//   completion_tokens  = output_tokens (thinking included)
//   cached_tokens      = cache_read_input_tokens
#pragma once

#include <chat_usage.hpp>
#include <cstdint>

#include "json_util.hpp"

namespace gatehouse::plugins::anthropic {

struct AnthropicUsage {
  std::int64_t inputTokens = 0;
  std::int64_t outputTokens = 0;
  std::int64_t cacheReadTokens = 0;
  std::int64_t cacheCreationTokens = 0;

  // Takes every count present in `usage` (an Anthropic usage object), keeping the others:
  // a stream's message_delta repeats only what changed, and its counts are totals.
  void merge(const rapidjson::Value& usage);

  providers::ChatUsage toChatUsage() const;
};

} // namespace gatehouse::plugins::anthropic
