#include "token_usage.hpp"

namespace gatehouse::plugins::gemini {
namespace {

std::int64_t count(const rapidjson::Value& usage, std::string_view key) {
  const rapidjson::Value* value = findMember(usage, key);
  return value != nullptr && value->IsInt64() && value->GetInt64() > 0 ? value->GetInt64() : 0;
}

} // namespace

TokenUsage readUsageMetadata(const rapidjson::Value& usageMetadata) {
  TokenUsage usage;
  usage.promptTokens = count(usageMetadata, "promptTokenCount");
  usage.reasoningTokens = count(usageMetadata, "thoughtsTokenCount");
  usage.completionTokens = count(usageMetadata, "candidatesTokenCount") + usage.reasoningTokens;
  usage.cachedTokens = count(usageMetadata, "cachedContentTokenCount");
  return usage;
}

TokenUsage usageInResponse(std::string_view body) {
  rapidjson::Document document;
  const rapidjson::Value* usage = parseJson(body, document) ? findMember(document, "usageMetadata") : nullptr;
  return usage == nullptr ? TokenUsage{} : readUsageMetadata(*usage);
}

void writeUsage(JsonWriter& writer, const TokenUsage& usage) {
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

gh_usage toAbiUsage(const TokenUsage& usage) {
  gh_usage out{};
  out.prompt_tokens = usage.promptTokens;
  out.completion_tokens = usage.completionTokens;
  out.cached_prompt_tokens = usage.cachedTokens;
  out.reasoning_tokens = usage.reasoningTokens;
  return out;
}

} // namespace gatehouse::plugins::gemini
