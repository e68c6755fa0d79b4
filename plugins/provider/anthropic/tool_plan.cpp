#include "tool_plan.hpp"

#include <set>
#include <string>

#include "request_error.hpp"

namespace gatehouse::plugins::anthropic {
namespace {

enum class ChoiceKind { Absent, Auto, None, Required, Named };

struct ClientChoice {
  ChoiceKind kind = ChoiceKind::Absent;
  std::string name; // Named
};

rapidjson::Value emptyObjectSchema(providers::JsonAllocator& allocator) {
  rapidjson::Value schema(rapidjson::kObjectType);
  schema.AddMember("type", "object", allocator);
  schema.AddMember("properties", rapidjson::Value(rapidjson::kObjectType), allocator);
  return schema;
}

rapidjson::Value translateTool(const rapidjson::Value& tool, const std::string& param,
                               providers::JsonAllocator& allocator) {
  const rapidjson::Value* type = providers::findSet(tool, "type");
  if (type == nullptr || !type->IsString() || providers::stringView(*type) != "function") {
    refuseParam(param + ".type", "only tools of type 'function' are supported by the anthropic provider");
  }
  const rapidjson::Value* function = providers::findSet(tool, "function");
  const rapidjson::Value* name = function != nullptr ? providers::findSet(*function, "name") : nullptr;
  if (name == nullptr || !name->IsString() || name->GetStringLength() == 0) {
    refuseParam(param + ".function.name", "must be a non-empty string");
  }
  rapidjson::Value out(rapidjson::kObjectType);
  out.AddMember("name", rapidjson::Value(*name, allocator), allocator);
  if (const rapidjson::Value* description = providers::findSet(*function, "description")) {
    if (!description->IsString()) {
      refuseParam(param + ".function.description", "must be a string");
    }
    out.AddMember("description", rapidjson::Value(*description, allocator), allocator);
  }
  const rapidjson::Value* parameters = providers::findSet(*function, "parameters");
  if (parameters != nullptr && !parameters->IsObject()) {
    refuseParam(param + ".function.parameters", "must be a JSON Schema object");
  }
  out.AddMember("input_schema",
                parameters != nullptr ? rapidjson::Value(*parameters, allocator)
                                      : emptyObjectSchema(allocator),
                allocator);
  if (const rapidjson::Value* cacheControl = providers::findSet(tool, "cache_control")) {
    out.AddMember("cache_control", rapidjson::Value(*cacheControl, allocator), allocator);
  }
  return out;
}

ClientChoice readChoice(const rapidjson::Value& request) {
  const rapidjson::Value* choice = providers::findSet(request, "tool_choice");
  if (choice == nullptr) {
    return {};
  }
  if (choice->IsString()) {
    const std::string_view mode = providers::stringView(*choice);
    if (mode == "auto") {
      return {ChoiceKind::Auto, {}};
    }
    if (mode == "none") {
      return {ChoiceKind::None, {}};
    }
    if (mode == "required") {
      return {ChoiceKind::Required, {}};
    }
    refuseParam("tool_choice", "must be 'auto', 'none', 'required' or a named function");
  }
  const rapidjson::Value* type = providers::findSet(*choice, "type");
  const rapidjson::Value* function = providers::findSet(*choice, "function");
  const rapidjson::Value* name = function != nullptr ? providers::findSet(*function, "name") : nullptr;
  if (type == nullptr || !type->IsString() || providers::stringView(*type) != "function" || name == nullptr ||
      !name->IsString()) {
    refuseParam("tool_choice",
                "must be 'auto', 'none', 'required' or {\"type\":\"function\",\"function\":{\"name\":...}}");
  }
  return {ChoiceKind::Named, std::string(providers::stringView(*name))};
}

rapidjson::Value choiceObject(const char* type, std::string_view name, providers::JsonAllocator& allocator) {
  rapidjson::Value out(rapidjson::kObjectType);
  out.AddMember("type", rapidjson::StringRef(type), allocator);
  if (!name.empty()) {
    out.AddMember("name", providers::stringValue(name, allocator), allocator);
  }
  return out;
}

bool parallelDisabled(const rapidjson::Value& request) {
  const rapidjson::Value* parallel = providers::findSet(request, "parallel_tool_calls");
  if (parallel != nullptr && !parallel->IsBool()) {
    refuseParam("parallel_tool_calls", "must be a boolean");
  }
  return parallel != nullptr && !parallel->GetBool();
}

// The Anthropic tool_choice for the client's own choice, without a response tool.
rapidjson::Value clientChoice(const ClientChoice& choice, bool haveTools,
                              providers::JsonAllocator& allocator) {
  if (!haveTools) {
    if (choice.kind == ChoiceKind::Required || choice.kind == ChoiceKind::Named) {
      refuseParam("tool_choice", "requires tools");
    }
    return rapidjson::Value(); // "auto" or "none" without tools mean nothing to Anthropic
  }
  switch (choice.kind) {
  case ChoiceKind::Absent: return rapidjson::Value();
  case ChoiceKind::Auto: return choiceObject("auto", {}, allocator);
  case ChoiceKind::None: return choiceObject("none", {}, allocator);
  case ChoiceKind::Required: return choiceObject("any", {}, allocator);
  case ChoiceKind::Named: return choiceObject("tool", choice.name, allocator);
  }
  return rapidjson::Value();
}

// With a response tool the model must end with a tool call: the response tool, or one of
// the client's tools when the client lets the model call them.
rapidjson::Value responseToolChoice(const ClientChoice& choice, bool haveClientTools,
                                    const std::string& toolName, providers::JsonAllocator& allocator) {
  if (choice.kind == ChoiceKind::Named) {
    return choiceObject("tool", choice.name, allocator);
  }
  if (haveClientTools && choice.kind != ChoiceKind::None) {
    return choiceObject("any", {}, allocator);
  }
  return choiceObject("tool", toolName, allocator);
}

} // namespace

ToolPlan planTools(const rapidjson::Value& request, ResponseFormatPlan& format,
                   providers::JsonAllocator& allocator) {
  ToolPlan plan;
  rapidjson::Value tools(rapidjson::kArrayType);
  std::set<std::string, std::less<>> names;
  if (const rapidjson::Value* clientTools = providers::findSet(request, "tools")) {
    if (!clientTools->IsArray()) {
      refuseParam("tools", "must be an array");
    }
    for (rapidjson::SizeType i = 0; i < clientTools->Size(); ++i) {
      rapidjson::Value tool = translateTool((*clientTools)[i], "tools[" + std::to_string(i) + "]", allocator);
      names.emplace(providers::stringView(tool["name"]));
      tools.PushBack(tool, allocator);
    }
  }
  const bool haveClientTools = !tools.Empty();
  const ClientChoice choice = readChoice(request);
  bool disableParallel = parallelDisabled(request);

  if (format.toolName) {
    if (names.count(*format.toolName) != 0) {
      refuseParam("response_format.json_schema.name",
                  "'" + *format.toolName + "' is also the name of a tool; choose another name");
    }
    tools.PushBack(format.tool, allocator);
    plan.toolChoice = responseToolChoice(choice, haveClientTools, *format.toolName, allocator);
    disableParallel = true;
  } else {
    plan.toolChoice = clientChoice(choice, haveClientTools, allocator);
  }

  if (disableParallel && !tools.Empty()) {
    if (plan.toolChoice.IsNull()) {
      plan.toolChoice = choiceObject("auto", {}, allocator);
    }
    // Anthropic accepts the flag with auto, any and tool, not with none.
    if (providers::stringView(plan.toolChoice["type"]) != "none") {
      plan.toolChoice.AddMember("disable_parallel_tool_use", true, allocator);
    }
  }
  if (!tools.Empty()) {
    plan.tools = std::move(tools);
  }
  return plan;
}

} // namespace gatehouse::plugins::anthropic
