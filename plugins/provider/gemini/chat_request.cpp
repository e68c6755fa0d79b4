#include "chat_request.hpp"

#include <rapidjson/document.h>

#include "client_error.hpp"
#include "generation_config.hpp"
#include "json_util.hpp"
#include "message_translator.hpp"
#include "refused_fields.hpp"
#include "tool_translator.hpp"

namespace gatehouse::plugins::gemini {
namespace {

bool readFlag(const rapidjson::Value& object, std::string_view key, const std::string& param, bool fallback) {
  const rapidjson::Value* flag = providers::findSet(object, key);
  if (flag == nullptr) {
    return fallback;
  }
  if (!flag->IsBool()) {
    throw invalidParam(param, param + " must be true or false");
  }
  return flag->GetBool();
}

} // namespace

GeminiChatRequest translateChatRequest(std::string_view openAiBody, const ChatRequestOptions& options) {
  rapidjson::Document body;
  if (!providers::parseJson(openAiBody, body) || !body.IsObject()) {
    throw invalidParam("", "the request body must be a JSON object");
  }
  refuseUnsupportedFields(body);

  rapidjson::Document request(rapidjson::kObjectType);
  auto& allocator = request.GetAllocator();
  const rapidjson::Value* messages = providers::findMember(body, "messages");
  if (messages == nullptr) {
    throw invalidParam("messages", "messages is required");
  }
  translateMessages(*messages, MessageOptions{options.fillMissingThoughtSignatures}, request, allocator);
  translateTools(body, request, allocator);
  if (!options.safetySettingsJson.empty()) {
    rapidjson::Document settings;
    if (providers::parseJson(options.safetySettingsJson, settings)) {
      request.AddMember("safetySettings", rapidjson::Value(settings, allocator), allocator);
    }
  }
  translateGenerationConfig(body, request, allocator);

  GeminiChatRequest out;
  out.body = providers::toJson(request);
  out.parallelToolCalls = readFlag(body, "parallel_tool_calls", "parallel_tool_calls", true);
  if (const rapidjson::Value* streamOptions = providers::findSet(body, "stream_options")) {
    if (!streamOptions->IsObject()) {
      throw invalidParam("stream_options", "stream_options must be an object");
    }
    out.includeUsage = readFlag(*streamOptions, "include_usage", "stream_options.include_usage", false);
  }
  return out;
}

} // namespace gatehouse::plugins::gemini
