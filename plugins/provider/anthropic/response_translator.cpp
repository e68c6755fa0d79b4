#include "response_translator.hpp"

#include <gatehouse/sdk/error.hpp>

#include <chat_completion_json.hpp>

#include "anthropic_usage.hpp"
#include "finish_reason.hpp"
#include "json_util.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

[[noreturn]] void unreadable(const ReplyContext& context) {
  throw sdk::Error(GH_ERROR_UPSTREAM,
                   "anthropic provider '" + context.providerName + "': the upstream answer is not a message");
}

} // namespace

TranslatedResponse translateResponse(std::string_view anthropicBody, const ReplyContext& context) {
  rapidjson::Document message;
  if (!providers::parseJson(anthropicBody, message) || !message.IsObject()) {
    unreadable(context);
  }
  const rapidjson::Value* content = providers::findSet(message, "content");
  if (content == nullptr || !content->IsArray()) {
    unreadable(context);
  }

  providers::ChatChoice choice;
  std::string text;
  bool haveText = false;
  bool answeredWithResponseTool = false;
  for (const auto& block : content->GetArray()) {
    const std::string_view type = providers::stringMember(block, "type");
    if (type == "text") {
      text.append(providers::stringMember(block, "text"));
      haveText = true;
    } else if (type == "tool_use") {
      const rapidjson::Value* input = providers::findSet(block, "input");
      const std::string arguments = input != nullptr ? providers::toJson(*input) : std::string("{}");
      const std::string_view name = providers::stringMember(block, "name");
      if (context.responseTool && name == *context.responseTool) {
        text.append(arguments);
        haveText = true;
        answeredWithResponseTool = true;
      } else {
        choice.toolCalls.push_back(
            {std::string(providers::stringMember(block, "id")), std::string(name), arguments});
      }
    }
  }
  if (haveText) {
    choice.content = std::move(text);
  }
  choice.finishReason = std::string(finishReasonFor(providers::stringMember(message, "stop_reason"),
                                                    answeredWithResponseTool && choice.toolCalls.empty()));

  AnthropicUsage usage;
  if (const rapidjson::Value* usageObject = providers::findSet(message, "usage")) {
    usage.merge(*usageObject);
  }
  TranslatedResponse translated;
  translated.usage = usage.toChatUsage();
  translated.body = providers::chatCompletionJson(context.identity, {choice}, translated.usage);
  return translated;
}

} // namespace gatehouse::plugins::anthropic
