#include "chat_usage.hpp"

namespace gatehouse::providers {

void writeChatUsage(JsonWriter& writer, const ChatUsage& usage) {
  writer.StartObject();
  writer.Key("prompt_tokens");
  writer.Int64(usage.promptTokens);
  writer.Key("completion_tokens");
  writer.Int64(usage.completionTokens);
  writer.Key("total_tokens");
  writer.Int64(usage.promptTokens + usage.completionTokens);
  writer.Key("prompt_tokens_details");
  writer.StartObject();
  writer.Key("cached_tokens");
  writer.Int64(usage.cachedTokens);
  writer.EndObject();
  writer.Key("completion_tokens_details");
  writer.StartObject();
  writer.Key("reasoning_tokens");
  writer.Int64(usage.reasoningTokens);
  writer.EndObject();
  writer.EndObject();
}

gh_usage toGhUsage(const ChatUsage& usage) {
  gh_usage out{};
  out.struct_size = sizeof out;
  out.prompt_tokens = usage.promptTokens;
  out.completion_tokens = usage.completionTokens;
  out.cached_prompt_tokens = usage.cachedTokens;
  out.reasoning_tokens = usage.reasoningTokens;
  return out;
}

} // namespace gatehouse::providers
