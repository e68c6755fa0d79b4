#include "conversation.hpp"

#include <string>

#include "content_blocks.hpp"
#include "request_error.hpp"
#include "turn_list.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

const rapidjson::Value& requiredString(const rapidjson::Value& object, std::string_view name,
                                       const std::string& param) {
  const rapidjson::Value* value = providers::findSet(object, name);
  if (value == nullptr || !value->IsString()) {
    refuseParam(param + "." + std::string(name), "must be a string");
  }
  return *value;
}

// Tool call arguments arrive as a JSON text; Anthropic wants the object itself.
rapidjson::Value parseArguments(const rapidjson::Value& arguments, const std::string& param,
                                providers::JsonAllocator& allocator) {
  const std::string_view text = providers::stringView(arguments);
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return rapidjson::Value(rapidjson::kObjectType); // some clients send "" for a call without arguments
  }
  rapidjson::Document parsed;
  if (!providers::parseJson(text, parsed)) {
    refuseParam(param, "is not valid JSON");
  }
  if (!parsed.IsObject()) {
    refuseParam(param, "must be a JSON object");
  }
  return rapidjson::Value(parsed, allocator);
}

rapidjson::Value toolUseBlock(const rapidjson::Value& call, const std::string& param,
                              providers::JsonAllocator& allocator) {
  if (!call.IsObject()) {
    refuseParam(param, "must be an object");
  }
  const rapidjson::Value* type = providers::findSet(call, "type");
  if (type != nullptr && !(type->IsString() && providers::stringView(*type) == "function")) {
    refuseParam(param + ".type", "only tool calls of type 'function' are supported");
  }
  const rapidjson::Value* function = providers::findSet(call, "function");
  if (function == nullptr || !function->IsObject()) {
    refuseParam(param + ".function", "must be an object");
  }
  const std::string functionParam = param + ".function";
  rapidjson::Value block(rapidjson::kObjectType);
  block.AddMember("type", "tool_use", allocator);
  block.AddMember("id", rapidjson::Value(requiredString(call, "id", param), allocator), allocator);
  block.AddMember("name", rapidjson::Value(requiredString(*function, "name", functionParam), allocator),
                  allocator);
  block.AddMember("input",
                  parseArguments(requiredString(*function, "arguments", functionParam),
                                 functionParam + ".arguments", allocator),
                  allocator);
  return block;
}

rapidjson::Value assistantBlocks(const rapidjson::Value& message, const std::string& param,
                                 providers::JsonAllocator& allocator) {
  const rapidjson::Value* content = providers::findSet(message, "content");
  rapidjson::Value blocks = content == nullptr
                                ? rapidjson::Value(rapidjson::kArrayType)
                                : textContentBlocks(*content, param + ".content", allocator, true);
  if (const rapidjson::Value* calls = providers::findSet(message, "tool_calls")) {
    if (!calls->IsArray()) {
      refuseParam(param + ".tool_calls", "must be an array");
    }
    for (rapidjson::SizeType i = 0; i < calls->Size(); ++i) {
      blocks.PushBack(toolUseBlock((*calls)[i], param + ".tool_calls[" + std::to_string(i) + "]", allocator),
                      allocator);
    }
  }
  if (providers::findSet(message, "function_call") != nullptr) {
    refuseParam(param + ".function_call", "the deprecated function_call is not supported; use tool_calls");
  }
  return blocks;
}

rapidjson::Value toolResultBlocks(const rapidjson::Value& message, const std::string& param,
                                  providers::JsonAllocator& allocator) {
  rapidjson::Value result(rapidjson::kObjectType);
  result.AddMember("type", "tool_result", allocator);
  result.AddMember("tool_use_id", rapidjson::Value(requiredString(message, "tool_call_id", param), allocator),
                   allocator);
  const rapidjson::Value* content = providers::findSet(message, "content");
  if (content != nullptr && content->IsString()) {
    result.AddMember("content", rapidjson::Value(*content, allocator), allocator);
  } else if (content != nullptr) {
    result.AddMember("content", textContentBlocks(*content, param + ".content", allocator), allocator);
  }
  rapidjson::Value blocks(rapidjson::kArrayType);
  blocks.PushBack(result, allocator);
  return blocks;
}

rapidjson::Value userBlocks(const rapidjson::Value& message, const std::string& param,
                            providers::JsonAllocator& allocator) {
  const rapidjson::Value* content = providers::findSet(message, "content");
  if (content == nullptr) {
    refuseParam(param + ".content", "is required for user messages");
  }
  return userContentBlocks(*content, param + ".content", allocator);
}

void appendSystem(const rapidjson::Value& message, const std::string& param, rapidjson::Value& system,
                  providers::JsonAllocator& allocator) {
  const rapidjson::Value* content = providers::findSet(message, "content");
  if (content == nullptr) {
    refuseParam(param + ".content", "is required for system and developer messages");
  }
  rapidjson::Value blocks = textContentBlocks(*content, param + ".content", allocator);
  for (auto& block : blocks.GetArray()) {
    system.PushBack(block, allocator);
  }
}

} // namespace

Conversation translateConversation(const rapidjson::Value& messages, providers::JsonAllocator& allocator) {
  if (!messages.IsArray()) {
    refuseParam("messages", "must be an array of messages");
  }
  Conversation conversation;
  TurnList turns(allocator);
  for (rapidjson::SizeType i = 0; i < messages.Size(); ++i) {
    const rapidjson::Value& message = messages[i];
    const std::string param = "messages[" + std::to_string(i) + "]";
    if (!message.IsObject()) {
      refuseParam(param, "must be an object");
    }
    const std::string_view role = providers::stringView(requiredString(message, "role", param));
    if (role == "system" || role == "developer") {
      appendSystem(message, param, conversation.systemBlocks, allocator);
      continue;
    }
    rapidjson::Value blocks;
    const char* turnRole = "user";
    if (role == "user") {
      blocks = userBlocks(message, param, allocator);
    } else if (role == "assistant") {
      blocks = assistantBlocks(message, param, allocator);
      turnRole = "assistant";
    } else if (role == "tool") {
      blocks = toolResultBlocks(message, param, allocator);
    } else {
      refuseParam(param + ".role", "role '" + std::string(role) +
                                       "' is not supported (use system, developer, user, assistant or tool)");
    }
    if (blocks.Empty()) {
      refuseParam(param + ".content", "must not be empty");
    }
    turns.add(turnRole, std::move(blocks));
  }
  if (turns.empty()) {
    refuseParam("messages", "at least one user or assistant message is required");
  }
  conversation.messages = turns.take();
  return conversation;
}

} // namespace gatehouse::plugins::anthropic
