#include "anthropic_usage.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

void take(const rapidjson::Value& usage, const char* name, std::int64_t& count) {
  const rapidjson::Value* value = providers::findSet(usage, name);
  if (value != nullptr && value->IsInt64() && value->GetInt64() >= 0) {
    count = value->GetInt64();
  }
}

} // namespace

void AnthropicUsage::merge(const rapidjson::Value& usage) {
  take(usage, "input_tokens", inputTokens);
  take(usage, "output_tokens", outputTokens);
  take(usage, "cache_read_input_tokens", cacheReadTokens);
  take(usage, "cache_creation_input_tokens", cacheCreationTokens);
}

providers::ChatUsage AnthropicUsage::toChatUsage() const {
  providers::ChatUsage usage;
  usage.promptTokens = inputTokens + cacheReadTokens + cacheCreationTokens;
  usage.completionTokens = outputTokens;
  usage.cachedTokens = cacheReadTokens;
  return usage;
}

} // namespace gatehouse::plugins::anthropic
