#include "chat_input.hpp"

#include <gatehouse/sdk/error.hpp>

#include <rapidjson/document.h>

#include "token_count.hpp"

namespace gatehouse::plugins::mock {
namespace {

[[noreturn]] void refuse(const std::string& why) {
  throw sdk::Error(GH_ERROR_INVALID_ARGUMENT, why);
}

std::string messageText(const rapidjson::Value& message) {
  const auto content = message.FindMember("content");
  if (content == message.MemberEnd())
    return {};
  if (content->value.IsString())
    return {content->value.GetString(), content->value.GetStringLength()};
  std::string text;
  if (!content->value.IsArray())
    return text;
  for (const auto& part : content->value.GetArray()) {
    if (!part.IsObject())
      continue;
    const auto type = part.FindMember("type");
    const auto partText = part.FindMember("text");
    if (type == part.MemberEnd() || !type->value.IsString() ||
        std::string_view(type->value.GetString()) != "text" || partText == part.MemberEnd() ||
        !partText->value.IsString()) {
      continue;
    }
    if (!text.empty())
      text += ' ';
    text.append(partText->value.GetString(), partText->value.GetStringLength());
  }
  return text;
}

bool includeUsage(const rapidjson::Value& root) {
  const auto options = root.FindMember("stream_options");
  if (options == root.MemberEnd() || !options->value.IsObject())
    return false;
  const auto flag = options->value.FindMember("include_usage");
  return flag != options->value.MemberEnd() && flag->value.IsBool() && flag->value.GetBool();
}

} // namespace

ChatInput parseChatInput(std::string_view body) {
  rapidjson::Document document;
  // Iterative: a hostile body nested a million levels deep cannot exhaust the stack.
  document.Parse<rapidjson::kParseIterativeFlag>(body.data(), body.size());
  if (document.HasParseError() || !document.IsObject())
    refuse("the request body must be a JSON object");
  const auto messages = document.FindMember("messages");
  if (messages == document.MemberEnd() || !messages->value.IsArray() || messages->value.Empty()) {
    refuse("'messages' must be a non-empty array");
  }
  ChatInput input;
  bool sawUser = false;
  for (const auto& message : messages->value.GetArray()) {
    if (!message.IsObject())
      refuse("every entry of 'messages' must be an object");
    std::string text = messageText(message);
    input.promptTokens += countTokens(text);
    const auto role = message.FindMember("role");
    if (role != message.MemberEnd() && role->value.IsString() &&
        std::string_view(role->value.GetString()) == "user") {
      input.lastUserText = std::move(text);
      sawUser = true;
    }
  }
  if (!sawUser)
    refuse("the mock provider needs at least one message with role 'user' to echo");
  input.includeUsage = includeUsage(document);
  return input;
}

} // namespace gatehouse::plugins::mock
