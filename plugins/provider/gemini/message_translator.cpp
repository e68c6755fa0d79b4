#include "message_translator.hpp"

#include <map>
#include <string>

#include "client_error.hpp"
#include "content_parts.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using rapidjson::Value;

std::string at(std::size_t index) {
  return "messages[" + std::to_string(index) + "]";
}

class MessageTranslator {
public:
  MessageTranslator(const MessageOptions& options, providers::JsonAllocator& allocator)
      : options_(options), allocator_(allocator) {}

  void translate(const Value& message, std::size_t index) {
    const std::string path = at(index);
    if (!message.IsObject()) {
      throw invalidParam(path, path + " must be an object");
    }
    const Value* roleValue = providers::findMember(message, "role");
    if (roleValue == nullptr || !roleValue->IsString()) {
      throw invalidParam(path + ".role", path + ".role must be a string");
    }
    const std::string_view role = providers::stringView(*roleValue);
    const Value* content = providers::findMember(message, "content");
    const Value null;
    const Value& body = content != nullptr ? *content : null;
    if (role == "system" || role == "developer") {
      appendContentParts(body, path + ".content", AllowedParts::Text, systemParts_, allocator_);
    } else if (role == "user") {
      Value parts(rapidjson::kArrayType);
      appendContentParts(body, path + ".content", AllowedParts::Any, parts, allocator_);
      appendTurn("user", std::move(parts));
    } else if (role == "assistant") {
      translateAssistant(message, body, path);
    } else if (role == "tool") {
      translateToolResult(message, body, path);
    } else if (role == "function") {
      throw invalidParam(path + ".role", path +
                                             ": the deprecated \"function\" role is not supported; use tools "
                                             "and \"tool\" messages");
    } else {
      throw invalidParam(path + ".role", path + ".role '" + std::string(role) + "' is not a chat role");
    }
  }

  void finish(Value& request) {
    if (contents_.Empty()) {
      throw invalidParam("messages", "messages must hold at least one user, assistant or tool message");
    }
    request.AddMember("contents", std::move(contents_), allocator_);
    if (!systemParts_.Empty()) {
      Value instruction(rapidjson::kObjectType);
      instruction.AddMember("parts", std::move(systemParts_), allocator_);
      request.AddMember("systemInstruction", std::move(instruction), allocator_);
    }
  }

private:
  void translateAssistant(const Value& message, const Value& body, const std::string& path) {
    if (providers::findSet(message, "function_call") != nullptr) {
      throw invalidParam(path + ".function_call",
                         path + ".function_call is the deprecated form of tool_calls, which Gemini needs");
    }
    Value parts(rapidjson::kArrayType);
    appendContentParts(body, path + ".content", AllowedParts::Text, parts, allocator_);
    if (const Value* calls = providers::findSet(message, "tool_calls")) {
      if (!calls->IsArray()) {
        throw invalidParam(path + ".tool_calls", path + ".tool_calls must be an array");
      }
      for (rapidjson::SizeType i = 0; i < calls->Size(); ++i) {
        parts.PushBack(functionCall((*calls)[i], path + ".tool_calls[" + std::to_string(i) + "]", i == 0),
                       allocator_);
      }
    }
    appendTurn("model", std::move(parts));
  }

  Value functionCall(const Value& call, const std::string& path, bool firstOfTurn) {
    if (!call.IsObject()) {
      throw invalidParam(path, path + " must be an object");
    }
    if (const Value* type = providers::findSet(call, "type");
        type != nullptr && providers::stringView(*type) != "function") {
      throw invalidParam(path + ".type", path + ".type must be \"function\"");
    }
    const Value* function = providers::findMember(call, "function");
    if (function == nullptr || !function->IsObject()) {
      throw invalidParam(path + ".function", path + ".function must be an object");
    }
    const Value* name = providers::findMember(*function, "name");
    if (name == nullptr || !name->IsString() || name->GetStringLength() == 0) {
      throw invalidParam(path + ".function.name", path + ".function.name must be a non-empty string");
    }
    Value functionCall(rapidjson::kObjectType);
    functionCall.AddMember("name", Value(*name, allocator_), allocator_);
    functionCall.AddMember("args", arguments(*function, path + ".function.arguments"), allocator_);
    if (const Value* id = providers::findMember(call, "id"); id != nullptr && id->IsString()) {
      toolNames_[std::string(providers::stringView(*id))] = std::string(providers::stringView(*name));
    }

    Value part(rapidjson::kObjectType);
    part.AddMember("functionCall", std::move(functionCall), allocator_);
    const Value* extra = providers::findMember(call, "extra_content");
    const Value* google = extra != nullptr ? providers::findMember(*extra, "google") : nullptr;
    const Value* signature =
        google != nullptr ? providers::findMember(*google, "thought_signature") : nullptr;
    if (signature != nullptr && signature->IsString() && signature->GetStringLength() > 0) {
      part.AddMember("thoughtSignature", Value(*signature, allocator_), allocator_);
    } else if (firstOfTurn && options_.fillMissingThoughtSignatures) {
      part.AddMember("thoughtSignature", providers::stringValue(kPlaceholderThoughtSignature, allocator_),
                     allocator_);
    }
    return part;
  }

  Value arguments(const Value& function, const std::string& path) {
    const Value* text = providers::findSet(function, "arguments");
    if (text == nullptr) {
      return Value(rapidjson::kObjectType);
    }
    if (!text->IsString()) {
      throw invalidParam(path, path + " must be a string of JSON");
    }
    if (text->GetStringLength() == 0) {
      return Value(rapidjson::kObjectType);
    }
    rapidjson::Document parsed;
    if (!providers::parseJson(providers::stringView(*text), parsed)) {
      throw invalidParam(path, path + " is not valid JSON");
    }
    if (!parsed.IsObject()) {
      throw invalidParam(path, path + " must be a JSON object (Gemini function arguments are objects)");
    }
    return Value(parsed, allocator_);
  }

  void translateToolResult(const Value& message, const Value& body, const std::string& path) {
    const Value* id = providers::findMember(message, "tool_call_id");
    if (id == nullptr || !id->IsString()) {
      throw invalidParam(path + ".tool_call_id", path + ".tool_call_id must be a string");
    }
    std::string name;
    if (auto found = toolNames_.find(std::string(providers::stringView(*id))); found != toolNames_.end()) {
      name = found->second;
    } else if (const Value* given = providers::findMember(message, "name");
               given != nullptr && given->IsString()) {
      name = std::string(providers::stringView(*given));
    }
    if (name.empty()) {
      throw invalidParam(path + ".tool_call_id",
                         path + ".tool_call_id '" + std::string(providers::stringView(*id)) +
                             "' matches no tool call of an earlier assistant message");
    }

    Value textParts(rapidjson::kArrayType);
    appendContentParts(body, path + ".content", AllowedParts::Text, textParts, allocator_);
    std::string text;
    for (const Value& part : textParts.GetArray()) {
      text += providers::stringView(part["text"]);
    }

    Value response(rapidjson::kObjectType);
    rapidjson::Document parsed;
    if (providers::parseJson(text, parsed) && parsed.IsObject()) {
      response.CopyFrom(parsed, allocator_);
    } else {
      response.AddMember("content", providers::stringValue(text, allocator_), allocator_);
    }
    Value functionResponse(rapidjson::kObjectType);
    functionResponse.AddMember("name", providers::stringValue(name, allocator_), allocator_);
    functionResponse.AddMember("response", std::move(response), allocator_);
    Value part(rapidjson::kObjectType);
    part.AddMember("functionResponse", std::move(functionResponse), allocator_);
    Value parts(rapidjson::kArrayType);
    parts.PushBack(std::move(part), allocator_);
    appendTurn("user", std::move(parts));
  }

  void appendTurn(std::string_view role, Value parts) {
    if (parts.Empty()) {
      return;
    }
    if (!contents_.Empty() && providers::stringView(contents_[contents_.Size() - 1]["role"]) == role) {
      Value& lastParts = contents_[contents_.Size() - 1]["parts"];
      for (Value& part : parts.GetArray()) {
        lastParts.PushBack(std::move(part), allocator_);
      }
      return;
    }
    Value turn(rapidjson::kObjectType);
    turn.AddMember("role", providers::stringValue(role, allocator_), allocator_);
    turn.AddMember("parts", std::move(parts), allocator_);
    contents_.PushBack(std::move(turn), allocator_);
  }

  const MessageOptions& options_;
  providers::JsonAllocator& allocator_;
  Value contents_{rapidjson::kArrayType};
  Value systemParts_{rapidjson::kArrayType};
  std::map<std::string, std::string> toolNames_; // tool call id -> function name
};

} // namespace

void translateMessages(const rapidjson::Value& messages, const MessageOptions& options,
                       rapidjson::Value& request, providers::JsonAllocator& allocator) {
  if (!messages.IsArray()) {
    throw invalidParam("messages", "messages must be an array");
  }
  MessageTranslator translator(options, allocator);
  for (rapidjson::SizeType i = 0; i < messages.Size(); ++i) {
    translator.translate(messages[i], i);
  }
  translator.finish(request);
}

} // namespace gatehouse::plugins::gemini
