#include "token_usage.hpp"

#include "json_util.hpp"

namespace gatehouse::plugins::gemini {
namespace {

std::int64_t count(const rapidjson::Value& usage, std::string_view key) {
  const rapidjson::Value* value = providers::findMember(usage, key);
  return value != nullptr && value->IsInt64() && value->GetInt64() > 0 ? value->GetInt64() : 0;
}

} // namespace

providers::ChatUsage readUsageMetadata(const rapidjson::Value& usageMetadata) {
  providers::ChatUsage usage;
  usage.promptTokens = count(usageMetadata, "promptTokenCount");
  usage.reasoningTokens = count(usageMetadata, "thoughtsTokenCount");
  usage.completionTokens = count(usageMetadata, "candidatesTokenCount") + usage.reasoningTokens;
  usage.cachedTokens = count(usageMetadata, "cachedContentTokenCount");
  return usage;
}

providers::ChatUsage usageInResponse(std::string_view body) {
  rapidjson::Document document;
  const rapidjson::Value* usage =
      providers::parseJson(body, document) ? providers::findMember(document, "usageMetadata") : nullptr;
  return usage == nullptr ? providers::ChatUsage{} : readUsageMetadata(*usage);
}

} // namespace gatehouse::plugins::gemini
