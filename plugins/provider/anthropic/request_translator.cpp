#include "request_translator.hpp"

#include <gatehouse/sdk/error.hpp>

#include <cstdint>

#include "content_blocks.hpp"
#include "conversation.hpp"
#include "field_policy.hpp"
#include "json_util.hpp"
#include "max_tokens_table.hpp"
#include "request_error.hpp"
#include "response_format.hpp"
#include "tool_plan.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

std::int64_t maxTokens(const rapidjson::Value& request, const RequestOptions& options) {
  // max_completion_tokens is OpenAI's current name; max_tokens the deprecated one.
  for (const char* name : {"max_completion_tokens", "max_tokens"}) {
    if (const rapidjson::Value* value = providers::findSet(request, name)) {
      if (!value->IsInt64() || value->GetInt64() < 1) {
        refuseParam(name, "must be a positive integer");
      }
      return value->GetInt64();
    }
  }
  return options.defaultMaxTokens ? *options.defaultMaxTokens : defaultMaxTokens(options.upstreamModel);
}

void addSampling(const rapidjson::Value& request, rapidjson::Document& out) {
  providers::JsonAllocator& allocator = out.GetAllocator();
  if (const rapidjson::Value* temperature = providers::findSet(request, "temperature")) {
    // OpenAI accepts 0..2, Anthropic 0..1; rescaling would change what the client meant.
    if (!temperature->IsNumber() || temperature->GetDouble() < 0.0 || temperature->GetDouble() > 1.0) {
      refuseParam("temperature", "must be a number from 0 to 1 for Anthropic models");
    }
    out.AddMember("temperature", rapidjson::Value(*temperature, allocator), allocator);
  }
  if (const rapidjson::Value* topP = providers::findSet(request, "top_p")) {
    if (!topP->IsNumber() || topP->GetDouble() < 0.0 || topP->GetDouble() > 1.0) {
      refuseParam("top_p", "must be a number from 0 to 1");
    }
    out.AddMember("top_p", rapidjson::Value(*topP, allocator), allocator);
  }
}

void addStopSequences(const rapidjson::Value& request, rapidjson::Document& out) {
  const rapidjson::Value* stop = providers::findSet(request, "stop");
  if (stop == nullptr) {
    return;
  }
  providers::JsonAllocator& allocator = out.GetAllocator();
  rapidjson::Value sequences(rapidjson::kArrayType);
  if (stop->IsString()) {
    sequences.PushBack(rapidjson::Value(*stop, allocator), allocator);
  } else if (stop->IsArray()) {
    for (const auto& sequence : stop->GetArray()) {
      if (!sequence.IsString()) {
        refuseParam("stop", "must be a string or an array of strings");
      }
      sequences.PushBack(rapidjson::Value(sequence, allocator), allocator);
    }
  } else {
    refuseParam("stop", "must be a string or an array of strings");
  }
  if (!sequences.Empty()) {
    out.AddMember("stop_sequences", sequences, allocator);
  }
}

void addUser(const rapidjson::Value& request, rapidjson::Document& out) {
  // user is the older name of safety_identifier; both identify the end user for abuse checks.
  const rapidjson::Value* user = providers::findSet(request, "user");
  const char* param = "user";
  if (user == nullptr) {
    user = providers::findSet(request, "safety_identifier");
    param = "safety_identifier";
  }
  if (user == nullptr) {
    return;
  }
  if (!user->IsString()) {
    refuseParam(param, "must be a string");
  }
  providers::JsonAllocator& allocator = out.GetAllocator();
  rapidjson::Value metadata(rapidjson::kObjectType);
  metadata.AddMember("user_id", rapidjson::Value(*user, allocator), allocator);
  out.AddMember("metadata", metadata, allocator);
}

bool includeUsage(const rapidjson::Value& request) {
  const rapidjson::Value* options = providers::findSet(request, "stream_options");
  const rapidjson::Value* include =
      options != nullptr ? providers::findSet(*options, "include_usage") : nullptr;
  return include != nullptr && include->IsBool() && include->GetBool();
}

// A single plain text becomes a string "system", anything else (several parts, prompt
// caching hints) an array of text blocks.
void addSystem(rapidjson::Value& blocks, const ResponseFormatPlan& format, rapidjson::Document& out) {
  providers::JsonAllocator& allocator = out.GetAllocator();
  if (format.systemInstruction) {
    blocks.PushBack(textBlock(*format.systemInstruction, allocator), allocator);
  }
  if (blocks.Empty()) {
    return;
  }
  if (blocks.Size() == 1 && blocks[0].MemberCount() == 2) {
    rapidjson::Value text;
    text.Swap(blocks[0]["text"]);
    out.AddMember("system", text, allocator);
    return;
  }
  out.AddMember("system", blocks, allocator);
}

} // namespace

TranslatedRequest translateRequest(std::string_view openAiBody, const RequestOptions& options) {
  rapidjson::Document request;
  if (!providers::parseJson(openAiBody, request) || !request.IsObject()) {
    throw sdk::Error(GH_ERROR_INVALID_ARGUMENT, "The request body must be a JSON object.");
  }
  checkFieldPolicy(request);
  const rapidjson::Value* messages = providers::findSet(request, "messages");
  if (messages == nullptr) {
    refuseParam("messages", "is required");
  }

  rapidjson::Document out(rapidjson::kObjectType);
  providers::JsonAllocator& allocator = out.GetAllocator();
  ResponseFormatPlan format = planResponseFormat(providers::findSet(request, "response_format"), allocator);
  Conversation conversation = translateConversation(*messages, allocator);
  ToolPlan tools = planTools(request, format, allocator);

  out.AddMember("model", providers::stringValue(options.upstreamModel, allocator), allocator);
  out.AddMember("max_tokens", maxTokens(request, options), allocator);
  addSystem(conversation.systemBlocks, format, out);
  out.AddMember("messages", conversation.messages, allocator);
  addSampling(request, out);
  addStopSequences(request, out);
  if (!tools.tools.IsNull()) {
    out.AddMember("tools", tools.tools, allocator);
  }
  if (!tools.toolChoice.IsNull()) {
    out.AddMember("tool_choice", tools.toolChoice, allocator);
  }
  addUser(request, out);
  if (options.stream) {
    out.AddMember("stream", true, allocator);
  }

  TranslatedRequest translated;
  translated.body = providers::toJson(out);
  translated.includeUsage = options.stream && includeUsage(request);
  translated.responseTool = format.toolName;
  return translated;
}

} // namespace gatehouse::plugins::anthropic
