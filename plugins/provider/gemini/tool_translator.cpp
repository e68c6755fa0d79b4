#include "tool_translator.hpp"

#include <string>

#include "client_error.hpp"
#include "schema_cleaner.hpp"

namespace gatehouse::plugins::gemini {
namespace {

using rapidjson::Value;

Value declaration(const Value& tool, const std::string& path, providers::JsonAllocator& allocator) {
  if (!tool.IsObject()) {
    throw invalidParam(path, path + " must be an object");
  }
  const Value* type = providers::findMember(tool, "type");
  if (type == nullptr || providers::stringView(*type) != "function") {
    const std::string name = type != nullptr ? std::string(providers::stringView(*type)) : std::string();
    throw invalidParam(path + ".type",
                       path + ".type '" + name + "' is not supported by Gemini; only function tools are");
  }
  const Value* function = providers::findMember(tool, "function");
  if (function == nullptr || !function->IsObject()) {
    throw invalidParam(path + ".function", path + ".function must be an object");
  }
  const Value* name = providers::findMember(*function, "name");
  if (name == nullptr || !name->IsString() || name->GetStringLength() == 0) {
    throw invalidParam(path + ".function.name", path + ".function.name must be a non-empty string");
  }

  Value out(rapidjson::kObjectType);
  out.AddMember("name", Value(*name, allocator), allocator);
  if (const Value* description = providers::findSet(*function, "description")) {
    if (!description->IsString()) {
      throw invalidParam(path + ".function.description", path + ".function.description must be a string");
    }
    out.AddMember("description", Value(*description, allocator), allocator);
  }
  if (const Value* parameters = providers::findSet(*function, "parameters")) {
    Value cleaned = cleanSchema(*parameters, path + ".function.parameters", allocator);
    if (!isEmptyObjectSchema(cleaned)) {
      out.AddMember("parameters", std::move(cleaned), allocator);
    }
  }
  return out;
}

Value namesOf(std::initializer_list<std::string_view> names, providers::JsonAllocator& allocator) {
  Value list(rapidjson::kArrayType);
  for (std::string_view name : names) {
    list.PushBack(providers::stringValue(name, allocator), allocator);
  }
  return list;
}

std::string_view functionName(const Value& choice, const std::string& path) {
  const Value* function = providers::findMember(choice, "function");
  const Value* name = function != nullptr ? providers::findMember(*function, "name") : nullptr;
  if (name == nullptr || !name->IsString() || name->GetStringLength() == 0) {
    throw invalidParam(path + ".function.name", path + ".function.name must be a non-empty string");
  }
  return providers::stringView(*name);
}

Value allowedTools(const Value& choice, providers::JsonAllocator& allocator) {
  const std::string path = "tool_choice.allowed_tools";
  const Value* allowed = providers::findMember(choice, "allowed_tools");
  if (allowed == nullptr || !allowed->IsObject()) {
    throw invalidParam(path, path + " must be an object");
  }
  const Value* mode = providers::findMember(*allowed, "mode");
  if (mode == nullptr || providers::stringView(*mode) != "required") {
    throw invalidParam(path + ".mode", path + ".mode must be \"required\": Gemini restricts the callable "
                                              "functions only when a call is forced");
  }
  const Value* tools = providers::findMember(*allowed, "tools");
  if (tools == nullptr || !tools->IsArray() || tools->Empty()) {
    throw invalidParam(path + ".tools", path + ".tools must be a non-empty array");
  }
  Value names(rapidjson::kArrayType);
  for (rapidjson::SizeType i = 0; i < tools->Size(); ++i) {
    names.PushBack(providers::stringValue(
                       functionName((*tools)[i], path + ".tools[" + std::to_string(i) + "]"), allocator),
                   allocator);
  }
  return names;
}

Value callingConfig(const Value& choice, providers::JsonAllocator& allocator) {
  Value config(rapidjson::kObjectType);
  Value allowed;
  std::string_view mode;
  if (choice.IsString()) {
    const std::string_view name = providers::stringView(choice);
    if (name == "auto") {
      mode = "AUTO";
    } else if (name == "none") {
      mode = "NONE";
    } else if (name == "required") {
      mode = "ANY";
    } else {
      throw invalidParam("tool_choice", "tool_choice must be \"auto\", \"none\", \"required\" or a function");
    }
  } else if (choice.IsObject() && providers::stringMember(choice, "type") == "function") {
    mode = "ANY";
    allowed = namesOf({functionName(choice, "tool_choice")}, allocator);
  } else if (choice.IsObject() && providers::stringMember(choice, "type") == "allowed_tools") {
    mode = "ANY";
    allowed = allowedTools(choice, allocator);
  } else {
    throw invalidParam("tool_choice", "tool_choice must be \"auto\", \"none\", \"required\" or a function");
  }
  config.AddMember("mode", providers::stringValue(mode, allocator), allocator);
  if (!allowed.IsNull()) {
    config.AddMember("allowedFunctionNames", std::move(allowed), allocator);
  }
  return config;
}

} // namespace

void translateTools(const rapidjson::Value& body, rapidjson::Value& request,
                    providers::JsonAllocator& allocator) {
  const Value* tools = providers::findSet(body, "tools");
  if (tools == nullptr) {
    return;
  }
  if (!tools->IsArray()) {
    throw invalidParam("tools", "tools must be an array");
  }
  if (tools->Empty()) {
    return;
  }
  Value declarations(rapidjson::kArrayType);
  for (rapidjson::SizeType i = 0; i < tools->Size(); ++i) {
    declarations.PushBack(declaration((*tools)[i], "tools[" + std::to_string(i) + "]", allocator), allocator);
  }
  Value tool(rapidjson::kObjectType);
  tool.AddMember("functionDeclarations", std::move(declarations), allocator);
  Value list(rapidjson::kArrayType);
  list.PushBack(std::move(tool), allocator);
  request.AddMember("tools", std::move(list), allocator);

  if (const Value* choice = providers::findSet(body, "tool_choice")) {
    Value toolConfig(rapidjson::kObjectType);
    toolConfig.AddMember("functionCallingConfig", callingConfig(*choice, allocator), allocator);
    request.AddMember("toolConfig", std::move(toolConfig), allocator);
  }
}

} // namespace gatehouse::plugins::gemini
